import Decimal from "decimal.js";
import { ZERO, parseWan } from "@/lib/budget/money";
import { decimalOfFen } from "@/lib/budget/compute/fen";
import type { ShownThreePublic } from "@/lib/budget/compute/shown-amounts";
import { FUNDS, type Fund } from "@/lib/budget/model";
import type { TableContext } from "@/lib/budget/tables/context";
import type { DisclosureTables } from "@/lib/budget/tables/types";
import { buildT1 } from "@/lib/budget/tables/t1-fiscal-summary";
import { buildT2 } from "@/lib/budget/tables/t2-general-budget-by-function";
import { buildT3 } from "@/lib/budget/tables/t3-general-budget-basic-by-economic";
import { buildT5 } from "@/lib/budget/tables/t5-government-fund";
import { buildT6 } from "@/lib/budget/tables/t6-department-summary";
import { buildT8 } from "@/lib/budget/tables/t8-department-expenditure";
import { buildT9 } from "@/lib/budget/tables/t9-procurement";

/**
 * Every number the narrative prints, read from the tables it accompanies (never recomputed on
 * its own), so that the text and the tables cannot disagree. Values are in 万元.
 */
export interface NarrativeNumbers {
  year: number;
  priorYear: number;
  income: Record<Fund, Decimal>;
  carryover: Decimal;
  incomeTotal: Decimal;
  expenditureTotal: Decimal;
  expenditureByClass: { code: string; name: string; amount: Decimal }[];
  allBasic: Decimal;
  allProject: Decimal;
  generalBudgetIncome: Decimal;
  generalBudgetExpenditure: Decimal;
  basic: Decimal;
  project: Decimal;
  governmentFund: { total: Decimal; basic: Decimal; project: Decimal };
  threePublic: { total: Decimal; abroad: Decimal; vehiclePurchase: Decimal; vehicleOperation: Decimal; reception: Decimal };
  operatingFunds: Decimal;
  procurement: { total: Decimal; goods: Decimal; works: Decimal; services: Decimal };
  procurementGeneralBudget: { total: Decimal; goods: Decimal; works: Decimal; services: Decimal };
  /** Last year's printed figures; absent for a first year. */
  prior?: {
    total: Decimal;
    basic: Decimal;
    project: Decimal;
    threePublic: { total: Decimal; abroad: Decimal; vehiclePurchase: Decimal; vehicleOperation: Decimal; reception: Decimal };
    operatingFunds: Decimal;
  };
}

type Needed = Required<Pick<DisclosureTables, "T1" | "T2" | "T3" | "T5" | "T6" | "T8" | "T9">>;

/** The tables the narrative reads, built even when the template does not publish them. */
export function neededTables(ctx: TableContext, built: Partial<Needed> = {}): Needed {
  return {
    T1: built.T1 ?? buildT1(ctx),
    T2: built.T2 ?? buildT2(ctx),
    T3: built.T3 ?? buildT3(ctx),
    T5: built.T5 ?? buildT5(ctx),
    T6: built.T6 ?? buildT6(ctx),
    T8: built.T8 ?? buildT8(ctx),
    T9: built.T9 ?? buildT9(ctx),
  };
}

const threePublicDecimals = (t: ShownThreePublic) => ({
  abroad: decimalOfFen(t.abroad),
  vehiclePurchase: decimalOfFen(t.vehiclePurchase),
  vehicleOperation: decimalOfFen(t.vehicleOperation),
  reception: decimalOfFen(t.reception),
});

export function narrativeNumbers(ctx: TableContext, t: Needed = neededTables(ctx)): NarrativeNumbers {
  const w = parseWan;
  const tp = threePublicDecimals(ctx.shown.threePublic);
  const threePublicTotal = tp.abroad.plus(tp.vehiclePurchase).plus(tp.vehicleOperation).plus(tp.reception);
  const procurementRow = (category: string, column: "total" | "generalBudget") => w(t.T9.rows.find((r) => r.category === category)?.[column] ?? "0");
  const shownPrior = ctx.shown.prior;
  const prior = shownPrior && {
    total: decimalOfFen(shownPrior.total),
    basic: decimalOfFen(shownPrior.basic),
    project: decimalOfFen(shownPrior.project),
    threePublic: threePublicDecimals(shownPrior.threePublic),
    operatingFunds: decimalOfFen(shownPrior.operatingFunds),
  };
  return {
    year: ctx.budget.year,
    priorYear: ctx.budget.year - 1,
    income: Object.fromEntries(FUNDS.map((f) => [f, w(t.T6.income[f])])) as Record<Fund, Decimal>,
    carryover: w(t.T6.income.carryover),
    incomeTotal: w(t.T6.income.total),
    expenditureTotal: w(t.T6.expenditure.total),
    expenditureByClass: t.T6.expenditure.byClass.map((c) => ({ code: c.code, name: c.name, amount: w(c.total) })),
    allBasic: w(t.T8.total.basic),
    allProject: w(t.T8.total.project),
    generalBudgetIncome: w(t.T1.income.current.generalBudget),
    generalBudgetExpenditure: w(t.T2.total.total),
    basic: w(t.T2.total.basic),
    project: w(t.T2.total.project),
    governmentFund: { total: w(t.T5.total.total), basic: w(t.T5.total.basic), project: w(t.T5.total.project) },
    threePublic: { total: threePublicTotal, ...tp },
    // 机关运行经费 = 公用经费 of general-budget basic expenditure = T3's 公用经费 合计.
    operatingFunds: w(t.T3.total.public),
    procurement: {
      total: w(t.T9.total.total),
      goods: procurementRow("goods", "total"),
      works: procurementRow("works", "total"),
      services: procurementRow("services", "total"),
    },
    procurementGeneralBudget: {
      total: w(t.T9.total.generalBudget),
      goods: procurementRow("goods", "generalBudget"),
      works: procurementRow("works", "generalBudget"),
      services: procurementRow("services", "generalBudget"),
    },
    ...(prior
      ? {
          prior: {
            total: prior.total,
            basic: prior.basic,
            project: prior.project,
            threePublic: {
              total: Object.values(prior.threePublic).reduce((a: Decimal, b: Decimal) => a.plus(b), ZERO),
              ...prior.threePublic,
            },
            operatingFunds: prior.operatingFunds,
          },
        }
      : {}),
  };
}
