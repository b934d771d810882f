import Decimal from "decimal.js";
import { ZERO, parseAmount } from "@/lib/budget/money";
import { FUNDS, type Fund } from "@/lib/budget/model";
import { PACKAGE_FORMAT } from "@/lib/budget/package/schema";
import type { Columns, FinalAccounts, FinalReasons, SelfIndicator, ThreePublicQuantities, Versus } from "@/lib/final/model";
import { VEHICLE_TYPES, type FinalPackage, type FinalPackageIndicator } from "./schema";

/** Copies only the keys that are present, so optional text stays absent rather than undefined-valued. */
function present<T extends object, K extends keyof T>(source: T | undefined, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) if (source?.[k] !== undefined) out[k] = source[k];
  return out;
}

function indicatorFromPackage(i: FinalPackageIndicator): SelfIndicator {
  return {
    level1: i.level1,
    level2: i.level2,
    name: i.name,
    ...present(i, ["unit"] as const),
    operator: i.operator,
    value: i.value,
    ...present(i, ["weight"] as const),
    core: i.core ?? false,
    actual: i.actual,
    ...present(i, ["ratio", "score", "reason"] as const),
  };
}

const QUANTITY_KEYS = [
  "abroadGroups",
  "abroadPeople",
  "vehiclesPurchased",
  "vehiclesHeld",
  "domesticBatches",
  "domesticPeople",
  "foreignAffairsBatches",
  "foreignAffairsPeople",
  "overseasBatches",
  "overseasPeople",
] as const satisfies readonly (keyof ThreePublicQuantities)[];

/** Converts a validated 决算 package (any unit) to the model in 元. */
export function packageToFinal(pkg: FinalPackage): FinalAccounts {
  const a = (s: string | undefined): Decimal => (s === undefined ? ZERO : parseAmount(s, pkg.amountUnit));
  const funds = (r: Partial<Record<Fund, string>> | undefined) => Object.fromEntries(FUNDS.map((f) => [f, a(r?.[f])])) as Record<Fund, Decimal>;
  // 全年预算数 defaults to 年初预算数: most lines are not adjusted during the year.
  const cols = (c: { initial?: string; adjusted?: string; actual?: string } | undefined): Columns => ({
    initial: a(c?.initial),
    adjusted: a(c?.adjusted ?? c?.initial),
    actual: a(c?.actual),
  });
  const versus = (v: { prior?: string; initial?: string } | undefined): Versus => present(v, ["prior", "initial"] as const);
  const r = pkg.reasons;
  const tp = pkg.threePublic;
  const reasons: FinalReasons = {
    ...present(r, ["total", "income", "expenditure", "closing", "fiscal", "generalBudgetClosing", "personnel", "public"] as const),
    ...present(r, ["governmentFundIncome", "governmentFundExpenditure", "operatingFunds", "meetings", "training"] as const),
    generalBudgetIncome: versus(r?.generalBudgetIncome),
    generalBudgetExpenditure: versus(r?.generalBudgetExpenditure),
    byClass: { ...(r?.byClass ?? {}) },
    threePublic: {
      total: versus(r?.threePublic?.total),
      abroad: versus(r?.threePublic?.abroad),
      vehiclePurchase: versus(r?.threePublic?.vehiclePurchase),
      vehicleOperation: versus(r?.threePublic?.vehicleOperation),
      reception: versus(r?.threePublic?.reception),
    },
  };
  const py = pkg.priorYear;
  return {
    format: PACKAGE_FORMAT,
    kind: "final",
    year: pkg.year,
    region: { code: pkg.region.code, name: pkg.region.name },
    unit: {
      code: pkg.unit.code,
      name: pkg.unit.name,
      functions: [...(pkg.unit.functions ?? [])],
      ...present(pkg.unit, ["structure", "composition"] as const),
      subUnits: (pkg.unit.subUnits ?? []).map((s) => ({ code: s.code, name: s.name })),
      contact: present(pkg.unit.contact, ["name", "phone"] as const),
    },
    income: (pkg.income ?? []).map((l) => ({ function: l.function, fund: l.fund ?? "generalBudget", amount: a(l.amount) })),
    carryover: { opening: funds(pkg.carryover?.opening), closing: funds(pkg.carryover?.closing) },
    basicExpenditure: (pkg.basicExpenditure ?? []).map((l) => ({
      function: l.function,
      economic: l.economic,
      fund: l.fund ?? "generalBudget",
      ...cols(l),
    })),
    projects: (pkg.projects ?? []).map((p) => ({
      code: p.code,
      name: p.name,
      ...present(p, ["subUnit"] as const),
      function: p.function,
      ...present(p, ["economic"] as const),
      fund: p.fund ?? "generalBudget",
      ...cols(p),
      ...(p.selfEvaluation
        ? {
            selfEvaluation: {
              ...present(p.selfEvaluation, ["department", "implementer", "contact", "goal", "outcome"] as const),
              budget: { superior: a(p.selfEvaluation.budget.superior), local: a(p.selfEvaluation.budget.local) },
              actual: { superior: a(p.selfEvaluation.actual.superior), local: a(p.selfEvaluation.actual.local) },
              indicators: (p.selfEvaluation.indicators ?? []).map(indicatorFromPackage),
            },
          }
        : {}),
    })),
    threePublic: {
      abroad: cols(tp?.abroad),
      vehiclePurchase: cols(tp?.vehiclePurchase),
      vehicleOperation: cols(tp?.vehicleOperation),
      reception: cols(tp?.reception),
      quantities: Object.fromEntries(QUANTITY_KEYS.map((k) => [k, tp?.quantities?.[k] ?? 0])) as unknown as ThreePublicQuantities,
    },
    meetings: a(pkg.meetings),
    training: a(pkg.training),
    assets: {
      ...present(pkg.assets, ["asOf"] as const),
      vehicles: Object.fromEntries(VEHICLE_TYPES.map((t) => [t, pkg.assets?.vehicles?.[t] ?? 0])) as FinalAccounts["assets"]["vehicles"],
      generalEquipmentOver50: pkg.assets?.generalEquipmentOver50 ?? 0,
      specialEquipmentOver100: pkg.assets?.specialEquipmentOver100 ?? 0,
    },
    procurement: {
      goods: a(pkg.procurement?.goods),
      works: a(pkg.procurement?.works),
      services: a(pkg.procurement?.services),
      smallMedium: a(pkg.procurement?.smallMedium),
      micro: a(pkg.procurement?.micro),
    },
    performance: {
      ...present(pkg.performance, ["evaluatedProjects", "keyEvaluation", "summary"] as const),
      ...(pkg.performance?.evaluatedFunds !== undefined ? { evaluatedFunds: a(pkg.performance.evaluatedFunds) } : {}),
    },
    reasons,
    usages: present(pkg.usages, [
      "personnel",
      "public",
      "abroad",
      "vehiclePurchase",
      "vehicleOperation",
      "reception",
      "operatingFunds",
      "procurement",
    ] as const),
    ...(py
      ? {
          priorYear: {
            income: funds(py.income),
            expenditure: funds(py.expenditure),
            opening: funds(py.opening),
            closing: funds(py.closing),
            personnel: a(py.personnel),
            public: a(py.public),
            operatingFunds: a(py.operatingFunds),
            meetings: a(py.meetings),
            training: a(py.training),
            threePublic: {
              abroad: a(py.threePublic?.abroad),
              vehiclePurchase: a(py.threePublic?.vehiclePurchase),
              vehicleOperation: a(py.threePublic?.vehicleOperation),
              reception: a(py.threePublic?.reception),
            },
          },
        }
      : {}),
  };
}
