import Decimal from "decimal.js";
import { FUNDS } from "@/lib/budget/package/schema";
import type { FinalPackage } from "./schema";

/**
 * Helpers of the 决算 workspace, pure functions on a package in 元 (a 决算 started from a budget).
 * Each fills only what follows from figures already entered, so nothing is typed twice.
 */

const d = (s: string | undefined) => new Decimal(s ?? "0");
const yuan = (x: Decimal) => x.toFixed(2);

/** 决算数 = 全年预算数 (年初预算数 where not adjusted) on every line whose 决算数 is still empty. */
export function fillActualsFromBudget(pkg: FinalPackage): FinalPackage {
  const fill = <T extends { initial?: string; adjusted?: string; actual?: string }>(c: T): T =>
    c.actual === undefined ? { ...c, actual: c.adjusted ?? c.initial ?? "0.00" } : c;
  const tp = pkg.threePublic;
  return {
    ...pkg,
    basicExpenditure: (pkg.basicExpenditure ?? []).map(fill),
    projects: (pkg.projects ?? []).map(fill),
    ...(tp
      ? {
          threePublic: {
            ...tp,
            ...(tp.abroad ? { abroad: fill(tp.abroad) } : {}),
            ...(tp.vehiclePurchase ? { vehiclePurchase: fill(tp.vehiclePurchase) } : {}),
            ...(tp.vehicleOperation ? { vehicleOperation: fill(tp.vehicleOperation) } : {}),
            ...(tp.reception ? { reception: fill(tp.reception) } : {}),
          },
        }
      : {}),
  };
}

/**
 * 本年收入 by 功能 项 and fund such that every fund balances: the 决算数 spent on each 项 from the
 * fund, plus (年末 − 年初 结转结余) of the fund on its first 项. The accountant corrects any line.
 */
export function incomeFromExpenditure(pkg: FinalPackage): FinalPackage {
  const spent = new Map<string, Decimal>();
  for (const l of [...(pkg.basicExpenditure ?? []), ...(pkg.projects ?? [])]) {
    const key = `${l.function}|${l.fund ?? "generalBudget"}`;
    spent.set(key, (spent.get(key) ?? new Decimal(0)).plus(d(l.actual)));
  }
  const income = [...spent.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, amount]) => {
      const [fn, fund] = key.split("|") as [string, (typeof FUNDS)[number]];
      return { function: fn, fund, amount };
    });
  for (const fund of FUNDS) {
    const delta = d(pkg.carryover?.closing?.[fund]).minus(d(pkg.carryover?.opening?.[fund]));
    if (delta.isZero()) continue;
    const first = income.find((i) => i.fund === fund);
    if (first) first.amount = first.amount.plus(delta);
  }
  return { ...pkg, income: income.filter((i) => !i.amount.isZero()).map((i) => ({ function: i.function, fund: i.fund, amount: yuan(i.amount) })) };
}

/**
 * A 自评表's 全年执行数 (B) is the project's 决算数: 上级资金 up to its budget, the rest 本级资金.
 * Kept in step on every save, as the rule final.self-evaluation-actual-equals-project requires.
 */
export function syncSelfEvaluationActuals(pkg: FinalPackage): FinalPackage {
  return {
    ...pkg,
    projects: (pkg.projects ?? []).map((p) => {
      if (!p.selfEvaluation || p.actual === undefined) return p;
      const actual = d(p.actual);
      const superior = Decimal.min(d(p.selfEvaluation.budget.superior), actual);
      return { ...p, selfEvaluation: { ...p.selfEvaluation, actual: { superior: yuan(superior), local: yuan(actual.minus(superior)) } } };
    }),
  };
}
