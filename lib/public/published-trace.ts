import { packageToBudget } from "@/lib/budget/package/to-budget";
import { parsePackageValue } from "@/lib/budget/package/schema";
import { printedCell, traceCell, traceNarrative, traceSource, type Trace, type TraceSourceData } from "@/lib/budget/trace";
import { priorFromJson } from "@/lib/budget/trace/frozen-prior";
import type { Catalog } from "@/lib/catalog/catalog";
import { db } from "@/lib/db/client";
import { loadCatalog } from "@/lib/db/catalog-store";
import type { PublishedBudget } from "@/lib/db/queries/public-snapshots";
import { budgetNarrativeLinks } from "./narrative-links";
import { SnapshotCache } from "./snapshot-cache";

/** What a trace request asks for: one table cell, or one narrative figure. */
export type TraceQuery = { table: string; row: string; column: string } | { narrative: string };

/** The table numbers of each document kind: T1–T12 of a budget, F1–F10 of a 决算. */
const TABLES = {
  budget: { pattern: /^T([1-9]|1[0-2])$/, range: "T1–T12" },
  final: { pattern: /^F([1-9]|10)$/, range: "F1–F10" },
} as const;
// Subject codes, fixed-row keys, 合计, and project codes (F10 rows: "BB2020-104-001").
const KEY = /^[A-Za-z0-9._\-\u5408\u8ba1]{1,40}$/;

/** Reads ?table=&row=&column= or ?narrative=; a Chinese message naming the parameter otherwise. */
export function parseTraceQuery(params: URLSearchParams, kind: keyof typeof TABLES = "budget"): { ok: true; query: TraceQuery } | { ok: false; error: string } {
  const { pattern, range } = TABLES[kind];
  const narrative = params.get("narrative");
  const table = params.get("table");
  if (narrative !== null) {
    if (table !== null) return { ok: false, error: "参数 narrative 与 table 只能给一个" };
    if (!/^[A-Za-z]+(\.\d{3})?$/.test(narrative)) return { ok: false, error: `参数 narrative 不是情况说明中的数字键：${narrative.slice(0, 40)}` };
    return { ok: true, query: { narrative } };
  }
  if (table === null) return { ok: false, error: `缺少参数 table（表号 ${range}）或 narrative（情况说明中的数字键）` };
  if (!pattern.test(table)) return { ok: false, error: `参数 table 应为表号 ${range}：${table.slice(0, 20)}` };
  const row = params.get("row");
  const column = params.get("column");
  if (row === null || row === "") return { ok: false, error: "缺少参数 row（科目编码或固定行键，如 total）" };
  if (!KEY.test(row)) return { ok: false, error: `参数 row 不是科目编码或固定行键：${row.slice(0, 40)}` };
  if (column === null || column === "") return { ok: false, error: "缺少参数 column（列键，如 total、basic、project）" };
  if (!/^[A-Za-z]{1,30}$/.test(column)) return { ok: false, error: `参数 column 不是列键：${column.slice(0, 30)}` };
  return { ok: true, query: { table, row, column } };
}

const sources = new SnapshotCache<TraceSourceData | null>(64);

/**
 * The trace source of a published snapshot: its frozen package and the last-year figures frozen
 * with it (a snapshot from before those were frozen used the package's own). Cached by snapshot.
 */
export function snapshotTraceSource(budget: PublishedBudget, catalog: Catalog): Promise<TraceSourceData | null> {
  return sources.get(String(budget.snapshotId), async () => {
    const parsed = parsePackageValue(budget.package);
    if (!parsed.ok) return null;
    const prior = priorFromJson(budget.prior);
    return traceSource(packageToBudget(parsed.pkg), catalog, prior ? { prior } : {});
  });
}

export type TraceAnswer = { status: 200; trace: Trace } | { status: 404 | 409; error: string };

/**
 * The trace of one published figure. The figure is the frozen one: a cell the frozen tables do
 * not print is 404, and a recomputation that disagrees with the frozen figure is refused (409)
 * rather than shown as the figure's origin.
 */
export function tracePublished(budget: PublishedBudget, src: TraceSourceData, q: TraceQuery): TraceAnswer {
  if ("narrative" in q) {
    const t = traceNarrative(src, q.narrative);
    return t ? { status: 200, trace: t } : { status: 404, error: `情况说明中没有数字键 ${q.narrative}` };
  }
  const row = q.row === "合计" ? "total" : q.row;
  const frozen = printedCell(budget.tables, q.table, row, q.column);
  if (!frozen) return { status: 404, error: `${q.table} 没有行 ${q.row}、列 ${q.column} 的金额单元格` };
  const t = traceCell(src, q.table, row, q.column);
  if (!t || t.value !== frozen.value) {
    return { status: 409, error: `${q.table} 行 ${q.row} 列 ${q.column} 的来源无法从公开快照重算（公开数 ${frozen.value}）` };
  }
  return { status: 200, trace: t };
}

/** The whole answer to a trace request on a published budget: 400 for bad parameters, the trace otherwise. */
export async function answerTrace(budget: PublishedBudget, params: URLSearchParams): Promise<TraceAnswer | { status: 400 | 503; error: string }> {
  const query = parseTraceQuery(params);
  if (!query.ok) return { status: 400, error: query.error };
  const catalog = await loadCatalog(db(), budget.year);
  const src = catalog ? await snapshotTraceSource(budget, catalog) : null;
  if (!src) return { status: 503, error: "该预算的来源明细暂不可用" };
  return tracePublished(budget, src, query.query);
}

/** Query string of one figure's trace. */
export function traceQueryString(q: TraceQuery): string {
  return new URLSearchParams("narrative" in q ? { narrative: q.narrative } : { table: q.table, row: q.row, column: q.column }).toString();
}

/** The narrative's amounts that stand for one figure each, linked to `tracePath` (lib/public/narrative-links.ts). */
export async function publishedNarrativeLinks(budget: PublishedBudget, tracePath: string): Promise<Record<string, string>> {
  const catalog = await loadCatalog(db(), budget.year);
  const src = catalog ? await snapshotTraceSource(budget, catalog) : null;
  return src ? budgetNarrativeLinks(src, tracePath) : {};
}
