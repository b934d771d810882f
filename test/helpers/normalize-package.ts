import Decimal from "decimal.js";

const AMOUNT_KEYS = new Set([
  "amount",
  "ownArrangement",
  "superiorSubsidy",
  "generalBudget",
  "governmentFund",
  "stateCapital",
  "specialAccount",
  "operations",
  "subordinateRemit",
  "business",
  "other",
  "abroad",
  "vehiclePurchase",
  "vehicleOperation",
  "reception",
  "basic",
  "project",
  "operatingFunds",
]);

/**
 * A package with every amount in 元 as a Decimal string, a missing amount as 0 and an empty
 * optional object as absent, so two packages that say the same thing compare equal whatever
 * unit they were written in.
 */
export function normalizePackage(pkg: unknown): unknown {
  const root = pkg as { amountUnit: string };
  const factor = root.amountUnit === "万元" ? 10_000 : 1;
  const toYuan = (v: string) => new Decimal(v).times(factor).toFixed(2);
  const walk = (value: unknown, key: string | undefined, inByFunction: boolean): unknown => {
    if (Array.isArray(value)) return value.map((v) => walk(v, undefined, false));
    if (value && typeof value === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        if (k === "amountUnit") continue;
        out[k] = walk(v, k, k === "expenditureByFunction" || inByFunction);
      }
      return out;
    }
    if (typeof value === "string" && (inByFunction || (key && AMOUNT_KEYS.has(key) && /^\d/.test(value)))) return toYuan(value);
    return value;
  };
  const normalized = walk(pkg, undefined, false) as Record<string, unknown>;
  return fillDefaults(normalized);
}

// Amount objects the exporter always writes: absent in an input means all zero.
function fillDefaults(p: Record<string, unknown>) {
  const zeroes = (keys: string[]) => Object.fromEntries(keys.map((k) => [k, "0.00"]));
  const income = (p.income ?? {}) as Record<string, unknown>;
  p.income = {
    ...zeroes(["generalBudget", "governmentFund", "stateCapital", "specialAccount", "operations", "superiorSubsidy", "subordinateRemit", "business", "other"]),
    ...income,
    carryover: { ...zeroes(["generalBudget", "governmentFund", "stateCapital"]), ...((income.carryover ?? {}) as object) },
  };
  p.threePublic = { ...zeroes(["abroad", "vehiclePurchase", "vehicleOperation", "reception"]), ...((p.threePublic ?? {}) as object) };
  // 上年 by function with no line says what its absence says (the database stores the lines).
  const prior = p.priorYear as { expenditureByFunction?: object } | undefined;
  if (prior?.expenditureByFunction && Object.keys(prior.expenditureByFunction).length === 0) delete prior.expenditureByFunction;
  return p;
}
