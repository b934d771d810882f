import Decimal from "decimal.js";
import { ZERO, parseAmount, type AmountUnit } from "@/lib/budget/money";
import type { Budget, Indicator, ThreePublic, VehicleCounts } from "@/lib/budget/model";
import { PACKAGE_FORMAT, type BudgetPackage, type PackageIndicator } from "./schema";

/** Copies only the keys that are present, so optional text stays absent rather than undefined-valued. */
function optionalText<K extends string>(source: Partial<Record<K, string | undefined>>, keys: readonly K[]) {
  const out: Partial<Record<K, string>> = {};
  for (const k of keys) {
    const v = source[k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}

function indicatorFromPackage(i: PackageIndicator): Indicator {
  return {
    ...optionalText(i, ["level1", "level2"] as const),
    name: i.name,
    ...optionalText(i, ["unit"] as const),
    operator: i.operator,
    value: i.value,
    ...optionalText(i, ["weight"] as const),
    core: i.core ?? false,
  };
}

function counts(c: { general?: number; lawEnforcement?: number; other?: number } | undefined): VehicleCounts {
  return { general: c?.general ?? 0, lawEnforcement: c?.lawEnforcement ?? 0, other: c?.other ?? 0 };
}

/** Converts a validated package (any unit) to the model in 元. */
export function packageToBudget(pkg: BudgetPackage): Budget {
  const unit: AmountUnit = pkg.amountUnit;
  const a = (s: string | undefined): Decimal => (s === undefined ? ZERO : parseAmount(s, unit));
  const tp = (t: BudgetPackage["threePublic"]): ThreePublic => ({
    abroad: a(t?.abroad),
    vehiclePurchase: a(t?.vehiclePurchase),
    vehicleOperation: a(t?.vehicleOperation),
    reception: a(t?.reception),
  });
  const inc = pkg.income;
  const budget: Budget = {
    format: PACKAGE_FORMAT,
    kind: pkg.kind,
    year: pkg.year,
    region: { code: pkg.region.code, name: pkg.region.name },
    unit: {
      code: pkg.unit.code,
      name: pkg.unit.name,
      functions: [...(pkg.unit.functions ?? [])],
      ...optionalText(pkg.unit, ["structure"] as const),
      subUnits: (pkg.unit.subUnits ?? []).map((s) => ({ code: s.code, name: s.name })),
      ...optionalText(pkg.unit, ["performanceOffice"] as const),
      contact: optionalText(pkg.unit.contact ?? {}, ["name", "phone"] as const),
    },
    income: {
      generalBudget: a(inc?.generalBudget),
      governmentFund: a(inc?.governmentFund),
      stateCapital: a(inc?.stateCapital),
      specialAccount: a(inc?.specialAccount),
      operations: a(inc?.operations),
      superiorSubsidy: a(inc?.superiorSubsidy),
      subordinateRemit: a(inc?.subordinateRemit),
      business: a(inc?.business),
      other: a(inc?.other),
      carryover: {
        generalBudget: a(inc?.carryover?.generalBudget),
        governmentFund: a(inc?.carryover?.governmentFund),
        stateCapital: a(inc?.carryover?.stateCapital),
      },
    },
    basicExpenditure: (pkg.basicExpenditure ?? []).map((l) => ({
      function: l.function,
      economic: l.economic,
      amount: a(l.amount),
      fund: l.fund ?? "generalBudget",
      ...(l.subUnit ? { subUnit: l.subUnit } : {}),
    })),
    projects: (pkg.projects ?? []).map((p) => ({
      code: p.code,
      name: p.name,
      subUnit: p.subUnit,
      function: p.function,
      ...optionalText(p, ["economic"] as const),
      fund: p.fund ?? "generalBudget",
      amount: a(p.amount),
      ownArrangement: a(p.ownArrangement),
      superiorSubsidy: a(p.superiorSubsidy),
      ...optionalText(p, ["category", "owner", "summary", "basis", "goal", "executionRateWeight"] as const),
      disclose: p.disclose ?? false,
      ...(p.tier !== undefined ? { tier: p.tier } : {}),
      ...optionalText(p, ["program"] as const),
      indicators: (p.indicators ?? []).map(indicatorFromPackage),
    })),
    threePublic: tp(pkg.threePublic),
    procurement: (pkg.procurement ?? []).map((l) => ({
      category: l.category,
      fund: l.fund ?? "generalBudget",
      amount: a(l.amount),
    })),
    assets: {
      ...optionalText(pkg.assets ?? {}, ["asOf"] as const),
      vehicles: counts(pkg.assets?.vehicles),
      plannedPurchase: counts(pkg.assets?.plannedPurchase),
    },
    performance: {
      ...optionalText(pkg.performance ?? {}, ["goal"] as const),
      indicators: (pkg.performance?.indicators ?? []).map(indicatorFromPackage),
    },
    narrative: {
      ...optionalText(pkg.narrative ?? {}, [
        "incomeChange",
        "expenditureChange",
        "basicChange",
        "basicUsage",
        "projectChange",
        "projectUsage",
        "operatingFundsChange",
        "operatingFundsUsage",
        "glossary",
      ] as const),
      threePublic: optionalText(pkg.narrative?.threePublic ?? {}, ["abroad", "vehiclePurchase", "vehicleOperation", "reception"] as const),
    },
  };
  if (pkg.disclosure?.tables) budget.disclosure = { tables: [...pkg.disclosure.tables] };
  const prior = pkg.priorYear;
  if (prior) {
    budget.priorYear = {
      ...(prior.expenditureByFunction
        ? {
            expenditureByFunction: Object.fromEntries(Object.entries(prior.expenditureByFunction).map(([code, v]) => [code, a(v)])),
          }
        : {}),
      basic: a(prior.basic),
      project: a(prior.project),
      threePublic: tp(prior.threePublic),
      operatingFunds: a(prior.operatingFunds),
    };
  }
  return budget;
}
