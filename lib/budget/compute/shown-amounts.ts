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
 *  The cost: an apportioned figure may differ from its own rounding by a few fen (at most half a
 *  fen per atom involved). For packages in 万元 (every amount a whole 百元) nothing is ever
 *  adjusted and every printed figure equals the entered one.
 */
import Decimal from "decimal.js";
import { ZERO, sum, toWanYuan } from "@/lib/budget/money";
import { CARRYOVER_FUNDS, FUNDS, type Budget, type Fund, type PriorYear, type ProcurementCategory, type ThreePublic } from "@/lib/budget/model";
import type { CarryoverFund } from "@/lib/budget/package/schema";
import { apportion } from "./apportion";

const TEN_THOUSAND = new Decimal(10_000);

export interface ShownLine {
  function: string;
  economic: string;
  fund: Fund;
  amount: Decimal;
}

export interface ShownProject {
  function: string;
  fund: Fund;
  amount: Decimal;
  ownArrangement: Decimal;
  superiorSubsidy: Decimal;
}

export interface ShownPrior {
  /** Only when the prior year's figures by function are known (T2 上年 column). */
  byFunction?: ReadonlyMap<string, Decimal>;
  total: Decimal;
  basic: Decimal;
  project: Decimal;
  threePublic: ThreePublic;
  operatingFunds: Decimal;
}

export interface ShownAmounts {
  basic: ShownLine[];
  /** Index-aligned with budget.projects. */
  projects: ShownProject[];
  income: Record<Fund, Decimal>;
  carryover: Record<CarryoverFund, Decimal>;
  threePublic: ThreePublic;
  procurement: { category: ProcurementCategory; fund: Fund; amount: Decimal }[];
  prior?: ShownPrior;
}

function mergeBy<T>(items: readonly T[], key: (t: T) => string, amount: (t: T) => Decimal) {
  const merged = new Map<string, { first: T; amount: Decimal }>();
  for (const item of items) {
    const k = key(item);
    const m = merged.get(k);
    if (m) m.amount = m.amount.plus(amount(item));
    else merged.set(k, { first: item, amount: amount(item) });
  }
  return [...merged.values()];
}

function shownThreePublic(t: ThreePublic): ThreePublic {
  return {
    abroad: toWanYuan(t.abroad),
    vehiclePurchase: toWanYuan(t.vehiclePurchase),
    vehicleOperation: toWanYuan(t.vehicleOperation),
    reception: toWanYuan(t.reception),
  };
}

function shownPrior(prior: PriorYear): ShownPrior {
  const wan = (d: Decimal) => d.dividedBy(TEN_THOUSAND);
  const common = { threePublic: shownThreePublic(prior.threePublic), operatingFunds: toWanYuan(prior.operatingFunds) };
  if (!prior.expenditureByFunction) {
    const basic = toWanYuan(prior.basic);
    const project = toWanYuan(prior.project);
    return { ...common, total: basic.plus(project), basic, project };
  }
  const entries = Object.entries(prior.expenditureByFunction);
  const byFunction = new Map(entries.map(([code, v]) => [code, toWanYuan(v)]));
  const total = sum(byFunction.values());
  const exactTotal = sum(entries.map(([, v]) => v));
  const consistent = prior.basic.plus(prior.project).equals(exactTotal);
  const [basic = ZERO, project = ZERO] = consistent
    ? apportion(total, [wan(prior.basic), wan(prior.project)])
    : [toWanYuan(prior.basic), toWanYuan(prior.project)];
  return { ...common, byFunction, total, basic, project };
}

/** `prior` replaces budget.priorYear (the database passes last year's approved budget). */
export function shownAmounts(budget: Budget, prior: PriorYear | undefined = budget.priorYear): ShownAmounts {
  const basic = mergeBy(
    budget.basicExpenditure,
    (l) => `${l.function}|${l.economic}|${l.fund}`,
    (l) => l.amount,
  ).map(({ first, amount }) => ({ function: first.function, economic: first.economic, fund: first.fund, amount: toWanYuan(amount) }));

  const projects = budget.projects.map((p) => {
    const amount = toWanYuan(p.amount);
    const split = p.ownArrangement.plus(p.superiorSubsidy).equals(p.amount)
      ? apportion(amount, [p.ownArrangement.dividedBy(TEN_THOUSAND), p.superiorSubsidy.dividedBy(TEN_THOUSAND)])
      : [toWanYuan(p.ownArrangement), toWanYuan(p.superiorSubsidy)];
    return { function: p.function, fund: p.fund, amount, ownArrangement: split[0] ?? ZERO, superiorSubsidy: split[1] ?? ZERO };
  });

  const income = {} as Record<Fund, Decimal>;
  const carryover = {} as Record<CarryoverFund, Decimal>;
  // Expenditure by fund, exact and printed, in one pass over the lines (not one per fund).
  const exactByFund = new Map<Fund, Decimal[]>();
  const printedByFund = new Map<Fund, Decimal[]>();
  const push = (m: Map<Fund, Decimal[]>, fund: Fund, amount: Decimal) => {
    const list = m.get(fund);
    if (list) list.push(amount);
    else m.set(fund, [amount]);
  };
  for (const l of budget.basicExpenditure) push(exactByFund, l.fund, l.amount);
  for (const p of budget.projects) push(exactByFund, p.fund, p.amount);
  for (const l of basic) push(printedByFund, l.fund, l.amount);
  for (const p of projects) push(printedByFund, p.fund, p.amount);
  for (const fund of FUNDS) {
    const exactIncome = budget.income[fund];
    const exactCarry = (CARRYOVER_FUNDS as readonly string[]).includes(fund) ? budget.income.carryover[fund as CarryoverFund] : ZERO;
    const exactExpenditure = sum(exactByFund.get(fund) ?? []);
    const printedExpenditure = sum(printedByFund.get(fund) ?? []);
    const [inc = ZERO, carry = ZERO] = exactIncome.plus(exactCarry).equals(exactExpenditure)
      ? apportion(printedExpenditure, [exactIncome.dividedBy(TEN_THOUSAND), exactCarry.dividedBy(TEN_THOUSAND)])
      : [toWanYuan(exactIncome), toWanYuan(exactCarry)];
    income[fund] = inc;
    if ((CARRYOVER_FUNDS as readonly string[]).includes(fund)) carryover[fund as CarryoverFund] = carry;
  }

  const procurement = mergeBy(
    budget.procurement,
    (l) => `${l.category}|${l.fund}`,
    (l) => l.amount,
  ).map(({ first, amount }) => ({ category: first.category, fund: first.fund, amount: toWanYuan(amount) }));

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
