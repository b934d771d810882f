/**
 * The printed amounts of a budget (万元, 2 decimals), from which every table, the narrative and
 * the cross-table rules are computed.
 *
 * ROUNDING DESIGN. A budget is kept in 元 (fen); the tables print 万元 with 2 decimals, so most
 * 元 amounts cannot be printed exactly. The samples round every cell on its own, and their
 * totals then disagree with their rows (test/fixtures/NOTES.md). Here:
 *
 *  1. Atoms are rounded once, half up: one basic-expenditure line (function × economic × fund,
 *     identical keys merged first), one project, one procurement line (category × fund), one
 *     三公 item, one prior-year figure.
 *  2. Every other printed figure is a SUM OF PRINTED ATOMS, never a rounded total: 项/款/类 rows,
 *     合计 rows and columns, 人员/公用经费, 机关运行经费, T1/T6 expenditure by fund. Because the
 *     same atoms feed every table, a figure printed twice is the same string (T2 basic 合计 =
 *     T3 合计 = general-budget part of T8 basic; T1 = T6; narrative = tables), and T2 ⊆ T8 cell by
 *     cell since atoms are ≥ 0.
 *  3. Figures that are entered but are also sums of other figures are apportioned (see
 *     apportion.ts) so that the printed parts add up to the printed sum:
 *     - income of a fund + its carryover = that fund's printed expenditure, whenever the fund
 *       balances exactly in 元 (收支平衡); so the printed T1/T6 balance too. An unbalanced fund
 *       (an error of rule balance.fund) prints its own rounding.
 *     - 本级安排 + 上级补助 = the printed project amount (when they add up in 元);
 *     - last year's basic + project = last year's printed total (the sum of the printed prior
 *       项 of T2 when given), so the narrative's year-on-year changes add up.
 *
 *  Atoms and every sum of them are integer fen of 万元 (`Fen`, fen.ts), exact: a `Decimal` per atom
 *  and per partial sum was most of a disclosure's time. Strings are made for the printed cells only.
 *
 *  The cost: an apportioned figure may differ from its own rounding by a few fen (at most half a
 *  fen per atom involved). For packages in 万元 (every amount a whole 百元) nothing is ever
 *  adjusted and every printed figure equals the entered one.
 */
import Decimal from "decimal.js";
import { CARRYOVER_FUNDS, FUNDS, type Budget, type Fund, type PriorYear, type ProcurementCategory, type ThreePublic } from "@/lib/budget/model";
import type { CarryoverFund } from "@/lib/budget/package/schema";
import { apportion, apportionFen } from "./apportion";
import { addsUp, exactFen, fenOfDecimal, printedFen, printedFenOfSum, type Fen } from "./fen";

export interface ShownLine {
  function: string;
  economic: string;
  fund: Fund;
  amount: Fen;
}

export interface ShownProject {
  function: string;
  fund: Fund;
  amount: Fen;
  ownArrangement: Fen;
  superiorSubsidy: Fen;
}

export type ShownThreePublic = Record<keyof ThreePublic, Fen>;

export interface ShownPrior {
  /** Only when the prior year's figures by function are known (T2 上年 column). */
  byFunction?: ReadonlyMap<string, Fen>;
  total: Fen;
  basic: Fen;
  project: Fen;
  threePublic: ShownThreePublic;
  operatingFunds: Fen;
}

/** Every amount in printed fen (0.01 万元). */
export interface ShownAmounts {
  basic: ShownLine[];
  /** Index-aligned with budget.projects. */
  projects: ShownProject[];
  income: Record<Fund, Fen>;
  carryover: Record<CarryoverFund, Fen>;
  threePublic: ShownThreePublic;
  procurement: { category: ProcurementCategory; fund: Fund; amount: Fen }[];
  prior?: ShownPrior;
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const g = groups.get(k);
    if (g) g.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function shownThreePublic(t: ThreePublic): ShownThreePublic {
  return {
    abroad: printedFen(t.abroad),
    vehiclePurchase: printedFen(t.vehiclePurchase),
    vehicleOperation: printedFen(t.vehicleOperation),
    reception: printedFen(t.reception),
  };
}

/** apportion.ts on 元 parts: in fen when every part has at most two decimals, else decimal.js. */
function split(target: Fen, parts: readonly Decimal[]): Fen[] {
  const exacts: bigint[] = [];
  for (const p of parts) {
    const e = exactFen(p);
    if (e === undefined) {
      const wan = apportion(
        new Decimal(target.toString()).dividedBy(100),
        parts.map((x) => x.dividedBy(10_000)),
      );
      return wan.map((d) => fenOfDecimal(d)!);
    }
    exacts.push(e);
  }
  return apportionFen(target, exacts);
}

function shownPrior(prior: PriorYear): ShownPrior {
  const common = { threePublic: shownThreePublic(prior.threePublic), operatingFunds: printedFen(prior.operatingFunds) };
  if (!prior.expenditureByFunction) {
    const basic = printedFen(prior.basic);
    const project = printedFen(prior.project);
    return { ...common, total: basic + project, basic, project };
  }
  const entries = Object.entries(prior.expenditureByFunction);
  const byFunction = new Map<string, Fen>();
  let total = 0n;
  for (const [code, v] of entries) {
    const f = printedFen(v);
    byFunction.set(code, f);
    total += f;
  }
  const consistent = addsUp(
    [prior.basic, prior.project],
    entries.map(([, v]) => v),
  );
  const [basic = 0n, project = 0n] = consistent ? split(total, [prior.basic, prior.project]) : [printedFen(prior.basic), printedFen(prior.project)];
  return { ...common, byFunction, total, basic, project };
}

/** `prior` replaces budget.priorYear (the database passes last year's approved budget). */
export function shownAmounts(budget: Budget, prior: PriorYear | undefined = budget.priorYear): ShownAmounts {
  const basic: ShownLine[] = [];
  for (const group of groupBy(budget.basicExpenditure, (l) => `${l.function}|${l.economic}|${l.fund}`).values()) {
    const first = group[0]!;
    basic.push({
      function: first.function,
      economic: first.economic,
      fund: first.fund,
      amount: printedFenOfSum(group.map((l) => l.amount)),
    });
  }
  const projects = budget.projects.map((p) => {
    const amount = printedFen(p.amount);
    const [own = 0n, superior = 0n] = addsUp([p.ownArrangement, p.superiorSubsidy], [p.amount])
      ? split(amount, [p.ownArrangement, p.superiorSubsidy])
      : [printedFen(p.ownArrangement), printedFen(p.superiorSubsidy)];
    return { function: p.function, fund: p.fund, amount, ownArrangement: own, superiorSubsidy: superior };
  });

  const income = {} as Record<Fund, Fen>;
  const carryover = {} as Record<CarryoverFund, Fen>;
  // Expenditure by fund, exact and printed, in one pass over the lines (not one per fund).
  const exactByFund = new Map<Fund, Decimal[]>();
  const printedByFund = new Map<Fund, Fen>();
  const push = (fund: Fund, amount: Decimal) => {
    const list = exactByFund.get(fund);
    if (list) list.push(amount);
    else exactByFund.set(fund, [amount]);
  };
  for (const l of budget.basicExpenditure) push(l.fund, l.amount);
  for (const p of budget.projects) push(p.fund, p.amount);
  for (const l of basic) printedByFund.set(l.fund, (printedByFund.get(l.fund) ?? 0n) + l.amount);
  for (const p of projects) printedByFund.set(p.fund, (printedByFund.get(p.fund) ?? 0n) + p.amount);
  const zero = new Decimal(0);
  for (const fund of FUNDS) {
    const isCarry = (CARRYOVER_FUNDS as readonly string[]).includes(fund);
    const exactIncome = budget.income[fund];
    const exactCarry = isCarry ? budget.income.carryover[fund as CarryoverFund] : zero;
    const [inc = 0n, carry = 0n] = addsUp([exactIncome, exactCarry], exactByFund.get(fund) ?? [])
      ? split(printedByFund.get(fund) ?? 0n, [exactIncome, exactCarry])
      : [printedFen(exactIncome), printedFen(exactCarry)];
    income[fund] = inc;
    if (isCarry) carryover[fund as CarryoverFund] = carry;
  }

  const procurement = [...groupBy(budget.procurement, (l) => `${l.category}|${l.fund}`).values()].map((group) => ({
    category: group[0]!.category,
    fund: group[0]!.fund,
    amount: printedFenOfSum(group.map((l) => l.amount)),
  }));
  return {
    basic,
    projects,
    income,
    carryover,
    threePublic: shownThreePublic(budget.threePublic),
    procurement,
    ...(prior ? { prior: shownPrior(prior) } : {}),
  };
}
