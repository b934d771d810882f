import type { DisclosureTables } from "@/lib/budget/tables/types";
import type { FinalTables } from "@/lib/final/tables/types";
import { comparisonRow, THREE_PUBLIC_ROWS, type ComparisonRow } from "./compare-with-last-year";

export interface BudgetFinalComparison {
  /** Where the budget figures come from: the published 部门预算 of the year, or the 决算's own 年初预算数 column. */
  source: "budget" | "final";
  /** 一般公共预算财政拨款支出 by 功能分类 类: 预算数 (`prior`) vs 决算数 (`current`), 合计 first. */
  byClass: ComparisonRow[];
  /** “三公”经费: 预算数 vs 决算数, 合计 first. */
  threePublic: ComparisonRow[];
}

/**
 * 预算 vs 决算 of one year, in 万元. With the published budget of the year, its 表二 (by 类) and
 * 表四 are the 预算数; without it, the 决算's own 年初预算数 (F5) and 预算数 (F7) are. Classes
 * that appear on one side only are listed with zero on the other.
 */
export function compareBudgetWithFinal(final: FinalTables, budget: DisclosureTables | null): BudgetFinalComparison {
  const planned = new Map<string, { name: string; amount: string }>();
  const actual = new Map<string, { name: string; amount: string }>();
  for (const r of final.F5.rows) if (r.level === 1) actual.set(r.code, { name: r.name, amount: r.total });
  const useBudget = budget?.T2 !== undefined && budget.T4 !== undefined;
  if (useBudget) {
    for (const r of budget!.T2!.rows) if (r.level === 1) planned.set(r.code, { name: r.name, amount: r.total });
  } else {
    for (const r of final.F5.rows) if (r.level === 1) planned.set(r.code, { name: r.name, amount: r.initial });
  }
  const codes = [...new Set([...planned.keys(), ...actual.keys()])].sort();
  const plannedTotal = useBudget ? budget!.T2!.total.total : final.F5.total.initial;
  const byClass = [
    comparisonRow("合计", plannedTotal, final.F5.total.total),
    ...codes.map((code) =>
      comparisonRow(planned.get(code)?.name ?? actual.get(code)!.name, planned.get(code)?.amount ?? "0.00", actual.get(code)?.amount ?? "0.00", code),
    ),
  ];
  const tp = useBudget ? budget!.T4!.current : final.F7.budget;
  const threePublic = THREE_PUBLIC_ROWS.map(({ key, label }) => comparisonRow(label, tp[key], final.F7.actual[key]));
  return { source: useBudget ? "budget" : "final", byClass, threePublic };
}
