import Decimal from "decimal.js";
import type { PriorYear } from "@/lib/budget/model";

/**
 * The last-year figures a snapshot's tables were printed with, as frozen JSON (元 strings):
 * `{ expenditureByFunction?: {code: "123.45"}, basic, project, operatingFunds, threePublic: {…} }`.
 */
export type FrozenPrior = {
  expenditureByFunction?: Record<string, string>;
  basic: string;
  project: string;
  operatingFunds: string;
  threePublic: { abroad: string; vehiclePurchase: string; vehicleOperation: string; reception: string };
};

const ITEMS = ["abroad", "vehiclePurchase", "vehicleOperation", "reception"] as const;
const YUAN = /^-?\d{1,16}(\.\d{1,2})?$/;

export function priorToJson(p: PriorYear): FrozenPrior {
  const s = (d: Decimal) => d.toFixed(2);
  return {
    ...(p.expenditureByFunction ? { expenditureByFunction: Object.fromEntries(Object.entries(p.expenditureByFunction).map(([k, v]) => [k, s(v)])) } : {}),
    basic: s(p.basic),
    project: s(p.project),
    operatingFunds: s(p.operatingFunds),
    threePublic: Object.fromEntries(ITEMS.map((i) => [i, s(p.threePublic[i])])) as FrozenPrior["threePublic"],
  };
}

/** Reads a frozen prior; undefined for null (a snapshot from before issue 20) or anything malformed. */
export function priorFromJson(value: unknown): PriorYear | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const d = (x: unknown) => (typeof x === "string" && YUAN.test(x) ? new Decimal(x) : undefined);
  const basic = d(v.basic);
  const project = d(v.project);
  const operatingFunds = d(v.operatingFunds);
  const tp = (v.threePublic ?? {}) as Record<string, unknown>;
  const items = ITEMS.map((i) => d(tp[i]));
  if (!basic || !project || !operatingFunds || items.some((x) => !x)) return undefined;
  let byFunction: Record<string, Decimal> | undefined;
  if (v.expenditureByFunction !== undefined) {
    if (typeof v.expenditureByFunction !== "object" || v.expenditureByFunction === null) return undefined;
    byFunction = {};
    for (const [code, x] of Object.entries(v.expenditureByFunction)) {
      const amount = d(x);
      if (!amount || !/^\d{3,7}$/.test(code)) return undefined;
      byFunction[code] = amount;
    }
  }
  return {
    ...(byFunction ? { expenditureByFunction: byFunction } : {}),
    basic,
    project,
    operatingFunds,
    threePublic: { abroad: items[0]!, vehiclePurchase: items[1]!, vehicleOperation: items[2]!, reception: items[3]! },
  };
}
