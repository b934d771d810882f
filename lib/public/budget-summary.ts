import Decimal from "decimal.js";
import { summaryFromTables, type DisclosureSummary } from "@/lib/budget/disclose";
import { formatWan } from "@/lib/budget/money";
import type { DisclosureTables } from "@/lib/budget/tables/types";

/** The figures a district overview shows for one published budget, machine-form 万元. */
export type BudgetSummary = DisclosureSummary;

/**
 * The summary of one snapshot exactly as it was frozen with its tables and narrative; a snapshot
 * frozen before summaries were stored is read from its frozen tables (T2 上年 合计). Never from
 * the package's stored 上年: it may be stale or round otherwise than what was printed.
 */
export function publishedSummary(snapshot: { summary: unknown; tables: DisclosureTables }): BudgetSummary {
  return (snapshot.summary as BudgetSummary | null) ?? summaryFromTables(snapshot.tables);
}

/** Column sums of several summaries (district totals), exact. */
export function sumSummaries(items: BudgetSummary[]): { total: string; basic: string; project: string; threePublic: string } {
  const add = (k: "total" | "basic" | "project" | "threePublic") => formatWan(items.reduce((s, i) => s.plus(i[k]), new Decimal(0)));
  return { total: add("total"), basic: add("basic"), project: add("project"), threePublic: add("threePublic") };
}
