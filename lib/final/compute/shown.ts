/**
 * The printed amounts of a 决算 (万元, 2 decimals), from which every 决算 table, the narrative and
 * the cross-table rules are computed — the rounding design of lib/budget/compute/shown-amounts.ts
 * applied to three columns:
 *
 *  1. Atoms are rounded once, half up, per column (年初预算数 / 全年预算数 / 决算数): one basic line
 *     (function × economic × fund, identical keys merged), one project, one income line
 *     (function × fund), one carryover of a fund, one 三公 item, 会议费, 培训费, one 政府采购 figure,
 *     one prior-year figure.
 *  2. Every other printed figure is a sum of printed atoms: 类/款/项 rows, 合计, 人员/公用经费,
 *     机关运行经费, the totals of every table and of the narrative.
 *  3. Entered figures that are also sums are apportioned (apportion.ts) so the printed parts add up:
 *     - per fund, income lines + 年初结转和结余 = printed 决算 expenditure + printed 年末结转和结余
 *       whenever the fund balances exactly in 元; an unbalanced fund prints its own rounding and
 *       the rule final.balance-fund reports it;
 *     - a self-evaluation's 上级/本级 split of A and of B adds up to the project's printed 全年预算数
 *       and 决算数 when it does so in 元.
 *  For packages in 万元 nothing is ever adjusted and every printed figure equals the entered one.
 */
import Decimal from "decimal.js";
import { ZERO, sum, toWanYuan } from "@/lib/budget/money";
import { FUNDS, type Fund } from "@/lib/budget/model";
import { apportion } from "@/lib/budget/compute/apportion";
import { COLUMN_KEYS, THREE_PUBLIC_KEYS, type Columns, type FinalAccounts, type FinalPriorYear, type ThreePublicKey } from "@/lib/final/model";

const TEN_THOUSAND = new Decimal(10_000);

export interface ShownFinalLine extends Columns {
  function: string;
  economic: string;
  fund: Fund;
}

export interface ShownFinalProject extends Columns {
  function: string;
  economic?: string;
  fund: Fund;
}

export interface ShownSelfEvaluation {
  budget: { superior: Decimal; local: Decimal };
  actual: { superior: Decimal; local: Decimal };
}

/** Last year's 决算 figures: the model's own shape (one definition, lib/final/model.ts). */
export type ShownFinalPrior = FinalPriorYear;

export interface ShownFinal {
  basic: ShownFinalLine[];
  /** Index-aligned with final.projects. */
  projects: ShownFinalProject[];
  /** Index-aligned with final.projects; undefined where a project has no self-evaluation. */
  selfEvaluations: (ShownSelfEvaluation | undefined)[];
  income: { function: string; fund: Fund; amount: Decimal }[];
  opening: Record<Fund, Decimal>;
  closing: Record<Fund, Decimal>;
  threePublic: Record<ThreePublicKey, Columns>;
  meetings: Decimal;
  training: Decimal;
  procurement: FinalAccounts["procurement"];
  prior?: ShownFinalPrior;
}

function roundColumns(c: Columns): Columns {
  return { initial: toWanYuan(c.initial), adjusted: toWanYuan(c.adjusted), actual: toWanYuan(c.actual) };
}

function byFund(r: Record<Fund, Decimal>): Record<Fund, Decimal> {
  return Object.fromEntries(FUNDS.map((f) => [f, toWanYuan(r[f])])) as Record<Fund, Decimal>;
}

function mergeColumns<T extends Columns>(items: readonly T[], key: (t: T) => string): T[] {
  const merged = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    const m = merged.get(k);
    if (!m) merged.set(k, { ...item });
    else for (const c of COLUMN_KEYS) m[c] = m[c].plus(item[c]);
  }
  return [...merged.values()];
}

/** A split (上级 / 本级) printed so that it adds up to `printedTotal` when it adds up to `exactTotal` in 元. */
function split(parts: { superior: Decimal; local: Decimal }, exactTotal: Decimal, printedTotal: Decimal) {
  if (!parts.superior.plus(parts.local).equals(exactTotal)) {
    return { superior: toWanYuan(parts.superior), local: toWanYuan(parts.local) };
  }
  const [superior = ZERO, local = ZERO] = apportion(printedTotal, [parts.superior.dividedBy(TEN_THOUSAND), parts.local.dividedBy(TEN_THOUSAND)]);
  return { superior, local };
}

export function shownFinal(f: FinalAccounts): ShownFinal {
  const basic = mergeColumns(f.basicExpenditure, (l) => `${l.function}|${l.economic}|${l.fund}`).map((l) => ({
    function: l.function,
    economic: l.economic,
    fund: l.fund,
    ...roundColumns(l),
  }));
  const projects = f.projects.map((p) => ({
    function: p.function,
    ...(p.economic ? { economic: p.economic } : {}),
    fund: p.fund,
    ...roundColumns(p),
  }));
  const selfEvaluations = f.projects.map((p, i) =>
    p.selfEvaluation
      ? {
          budget: split(p.selfEvaluation.budget, p.adjusted, projects[i]!.adjusted),
          actual: split(p.selfEvaluation.actual, p.actual, projects[i]!.actual),
        }
      : undefined,
  );

  const closing = byFund(f.carryover.closing);
  const opening = {} as Record<Fund, Decimal>;
  const income: ShownFinal["income"] = [];
  const mergedIncome = new Map<string, { function: string; fund: Fund; amount: Decimal }>();
  for (const l of f.income) {
    const k = `${l.function}|${l.fund}`;
    const m = mergedIncome.get(k);
    if (m) m.amount = m.amount.plus(l.amount);
    else mergedIncome.set(k, { ...l });
  }
  for (const fund of FUNDS) {
    const lines = [...mergedIncome.values()].filter((l) => l.fund === fund);
    const exactExpenditure = sum([
      ...f.basicExpenditure.filter((l) => l.fund === fund).map((l) => l.actual),
      ...f.projects.filter((p) => p.fund === fund).map((p) => p.actual),
    ]);
    const printedExpenditure = sum([
      ...basic.filter((l) => l.fund === fund).map((l) => l.actual),
      ...projects.filter((p) => p.fund === fund).map((p) => p.actual),
    ]);
    const exactIn = sum(lines.map((l) => l.amount)).plus(f.carryover.opening[fund]);
    const balanced = exactIn.equals(exactExpenditure.plus(f.carryover.closing[fund]));
    const parts = balanced
      ? apportion(printedExpenditure.plus(closing[fund]), [
          ...lines.map((l) => l.amount.dividedBy(TEN_THOUSAND)),
          f.carryover.opening[fund].dividedBy(TEN_THOUSAND),
        ])
      : [...lines.map((l) => toWanYuan(l.amount)), toWanYuan(f.carryover.opening[fund])];
    lines.forEach((l, i) => income.push({ function: l.function, fund, amount: parts[i] ?? ZERO }));
    opening[fund] = parts[lines.length] ?? ZERO;
  }
  income.sort((x, y) => (x.function < y.function ? -1 : x.function > y.function ? 1 : FUNDS.indexOf(x.fund) - FUNDS.indexOf(y.fund)));

  const threePublic = Object.fromEntries(THREE_PUBLIC_KEYS.map((k) => [k, roundColumns(f.threePublic[k])])) as Record<ThreePublicKey, Columns>;
  const p = f.procurement;
  const py = f.priorYear;
  return {
    basic,
    projects,
    selfEvaluations,
    income,
    opening,
    closing,
    threePublic,
    meetings: toWanYuan(f.meetings),
    training: toWanYuan(f.training),
    procurement: {
      goods: toWanYuan(p.goods),
      works: toWanYuan(p.works),
      services: toWanYuan(p.services),
      smallMedium: toWanYuan(p.smallMedium),
      micro: toWanYuan(p.micro),
    },
    ...(py
      ? {
          prior: {
            income: byFund(py.income),
            expenditure: byFund(py.expenditure),
            opening: byFund(py.opening),
            closing: byFund(py.closing),
            personnel: toWanYuan(py.personnel),
            public: toWanYuan(py.public),
            operatingFunds: toWanYuan(py.operatingFunds),
            meetings: toWanYuan(py.meetings),
            training: toWanYuan(py.training),
            threePublic: {
              abroad: toWanYuan(py.threePublic.abroad),
              vehiclePurchase: toWanYuan(py.threePublic.vehiclePurchase),
              vehicleOperation: toWanYuan(py.threePublic.vehicleOperation),
              reception: toWanYuan(py.threePublic.reception),
            },
          },
        }
      : {}),
  };
}
