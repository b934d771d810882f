import Decimal from "decimal.js";
import { formatWan, parseAmount, type AmountUnit } from "@/lib/budget/money";
import type { DisclosureTables } from "@/lib/budget/tables/types";

/** The figures a district overview shows for one published budget, machine-form 万元. */
export interface BudgetSummary {
  total: string;
  basic: string;
  project: string;
  threePublic: string;
  /** 上年预算数 (basic + project) when the budget carries last year, else undefined. */
  priorTotal?: string;
  /** total − priorTotal, signed ("-375.61"). */
  change?: string;
  /** Spending by function 类 (all money, T8). */
  byClass: { code: string; name: string; total: string }[];
}

interface PackagePrior {
  amountUnit?: AmountUnit;
  priorYear?: { basic?: string; project?: string };
}

/**
 * Summary of one snapshot: totals from the frozen tables (T8 all money, T4 三公) and last year
 * from the frozen package's priorYear — the same 上年 the narrative's “比上年” uses.
 */
export function summarizeBudget(tables: DisclosureTables, pkg: unknown): BudgetSummary {
  const t8 = tables.T8;
  const total = t8?.total.total ?? "0.00";
  const p = (pkg ?? {}) as PackagePrior;
  const unit: AmountUnit = p.amountUnit === "元" ? "元" : "万元";
  let prior: Decimal | undefined;
  if (p.priorYear?.basic !== undefined && p.priorYear?.project !== undefined) {
    // parseAmount gives 元; back to 万元 for the tables' scale.
    prior = parseAmount(p.priorYear.basic, unit).plus(parseAmount(p.priorYear.project, unit)).dividedBy(10_000);
  }
  return {
    total,
    basic: t8?.total.basic ?? "0.00",
    project: t8?.total.project ?? "0.00",
    threePublic: tables.T4?.current.total ?? "0.00",
    ...(prior !== undefined ? { priorTotal: formatWan(prior), change: formatWan(new Decimal(total).minus(prior)) } : {}),
    byClass: (t8?.rows ?? []).filter((r) => r.level === 1).map((r) => ({ code: r.code, name: r.name, total: r.total })),
  };
}

/** Column sums of several summaries (district totals), exact. */
export function sumSummaries(items: BudgetSummary[]): { total: string; basic: string; project: string; threePublic: string } {
  const add = (k: "total" | "basic" | "project" | "threePublic") => formatWan(items.reduce((s, i) => s.plus(i[k]), new Decimal(0)));
  return { total: add("total"), basic: add("basic"), project: add("project"), threePublic: add("threePublic") };
}
