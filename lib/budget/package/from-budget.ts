import Decimal from "decimal.js";
import { isWholeHundredYuan, type AmountUnit } from "@/lib/budget/money";
import type { Budget, FundAmounts, Indicator, ThreePublic } from "@/lib/budget/model";
import { PACKAGE_FORMAT, type BudgetPackage } from "./schema";

/** Every amount of the budget, for choosing the export unit. */
function* allAmounts(b: Budget): Generator<Decimal> {
  const { carryover, ...income } = b.income;
  yield* Object.values(income);
  yield* Object.values(carryover);
  for (const l of b.basicExpenditure) yield l.amount;
  for (const p of b.projects) yield* [p.amount, p.ownArrangement, p.superiorSubsidy];
  yield* Object.values(b.threePublic);
  for (const l of b.procurement) yield l.amount;
  if (b.priorYear) {
    yield* Object.values(b.priorYear.expenditureByFunction ?? {});
    yield* [b.priorYear.basic, b.priorYear.project, b.priorYear.operatingFunds];
    yield* Object.values(b.priorYear.threePublic);
  }
}

/**
 * Converts the model back to a package. The unit is 万元 when every amount is a whole number of
 * 百元 (so two decimals in 万元 are exact, and the file reads like the published tables),
 * otherwise 元 with fen, which is always exact. The workspace forms ask for 元 (`unit: "元"`),
 * the unit accountants type in; 万元 cannot be forced, since it would round fen away.
 */
export function budgetToPackage(b: Budget, options: { unit?: "元" } = {}): BudgetPackage {
  let unit: AmountUnit = options.unit ?? "万元";
  if (!options.unit) {
    for (const v of allAmounts(b)) {
      if (!isWholeHundredYuan(v)) {
        unit = "元";
        break;
      }
    }
  }
  const s = (d: Decimal): string => (unit === "万元" ? d.dividedBy(10_000) : d).toFixed(2);
  const tp = (t: ThreePublic) => ({
    abroad: s(t.abroad),
    vehiclePurchase: s(t.vehiclePurchase),
    vehicleOperation: s(t.vehicleOperation),
    reception: s(t.reception),
  });
  const indicator = (i: Indicator) => ({ ...i });
  const { carryover, ...income } = b.income;
  const pkg: BudgetPackage = {
    format: PACKAGE_FORMAT,
    kind: b.kind,
    year: b.year,
    amountUnit: unit,
    region: { ...b.region },
    unit: {
      ...b.unit,
      functions: [...b.unit.functions],
      subUnits: b.unit.subUnits.map((x) => ({ ...x })),
      contact: { ...b.unit.contact },
    },
    income: {
      ...(Object.fromEntries(Object.entries(income).map(([k, v]) => [k, s(v)])) as Record<keyof FundAmounts, string>),
      carryover: {
        generalBudget: s(carryover.generalBudget),
        governmentFund: s(carryover.governmentFund),
        stateCapital: s(carryover.stateCapital),
      },
    },
    basicExpenditure: b.basicExpenditure.map((l) => ({ ...l, amount: s(l.amount) })),
    projects: b.projects.map((p) => ({
      ...p,
      amount: s(p.amount),
      ownArrangement: s(p.ownArrangement),
      superiorSubsidy: s(p.superiorSubsidy),
      indicators: p.indicators.map(indicator),
    })),
    threePublic: tp(b.threePublic),
    procurement: b.procurement.map((l) => ({ ...l, amount: s(l.amount) })),
    assets: {
      ...b.assets,
      vehicles: { ...b.assets.vehicles },
      plannedPurchase: { ...b.assets.plannedPurchase },
    },
    performance: { ...b.performance, indicators: b.performance.indicators.map(indicator) },
    narrative: { ...b.narrative, threePublic: { ...b.narrative.threePublic } },
  };
  if (b.disclosure?.tables) pkg.disclosure = { tables: [...b.disclosure.tables] };
  if (b.priorYear) {
    const p = b.priorYear;
    pkg.priorYear = {
      ...(p.expenditureByFunction
        ? {
            expenditureByFunction: Object.fromEntries(Object.entries(p.expenditureByFunction).map(([code, v]) => [code, s(v)])),
          }
        : {}),
      basic: s(p.basic),
      project: s(p.project),
      threePublic: tp(p.threePublic),
      operatingFunds: s(p.operatingFunds),
    };
  }
  return pkg;
}
