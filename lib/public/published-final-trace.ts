import type { Trace } from "@/lib/budget/trace";
import { db } from "@/lib/db/client";
import { finalCatalog } from "@/lib/db/finals/final-catalog";
import type { PublishedFinal } from "@/lib/db/queries/public-snapshots";
import { packageToFinal } from "@/lib/final/model";
import { parseFinalPackageValue } from "@/lib/final/package/schema";
import { finalTraceSource, printedFinalCell, traceFinalCell, traceFinalNarrative, type FinalTraceSource } from "@/lib/final/trace";
import { finalNarrativeLinks } from "./narrative-links";
import { parseTraceQuery, type TraceQuery } from "./published-trace";
import { SnapshotCache } from "./snapshot-cache";

const sources = new SnapshotCache<FinalTraceSource | null>(32);

/**
 * The trace source of a published 决算: its frozen package (which carries its own 上年决算数)
 * read with the catalogue the 决算 was published with. Cached by snapshot: it never changes.
 */
export function snapshotFinalTraceSource(final: PublishedFinal): Promise<FinalTraceSource | null> {
  return sources.get(String(final.snapshotId), async () => {
    const parsed = parseFinalPackageValue(final.package);
    if (!parsed.ok) return null;
    return finalTraceSource(packageToFinal(parsed.pkg), await finalCatalog(db(), final.year));
  });
}

export type FinalTraceAnswer = { status: 200; trace: Trace } | { status: 400 | 404 | 409 | 503; error: string };

/**
 * The trace of one figure of a published 决算. The figure is the frozen one: a cell the frozen
 * tables do not print, or a figure key the narrative has not, is not found (404, as for a
 * budget); a recomputation that disagrees with the frozen figure is refused (409).
 */
export function traceFinalPublished(final: PublishedFinal, src: FinalTraceSource, q: TraceQuery): FinalTraceAnswer {
  if ("narrative" in q) {
    const t = traceFinalNarrative(src, q.narrative);
    return t ? { status: 200, trace: t } : { status: 404, error: `决算情况说明中没有数字键 ${q.narrative}` };
  }
  const row = q.row === "合计" ? "total" : q.row;
  const frozen = printedFinalCell(final.tables, q.table, row, q.column);
  if (!frozen) return { status: 404, error: `决算表 ${q.table} 没有行 ${q.row}、列 ${q.column} 的金额单元格` };
  const t = traceFinalCell(src, q.table, row, q.column);
  if (!t || t.value !== frozen.value) {
    return { status: 409, error: `决算表 ${q.table} 行 ${q.row} 列 ${q.column} 的来源无法从公开快照重算（公开数 ${frozen.value}）` };
  }
  return { status: 200, trace: t };
}

/** The whole answer to a trace request on a published 决算. */
export async function answerFinalTrace(final: PublishedFinal, params: URLSearchParams): Promise<FinalTraceAnswer> {
  const query = parseTraceQuery(params, "final");
  if (!query.ok) return { status: 400, error: query.error };
  const src = await snapshotFinalTraceSource(final);
  if (!src) return { status: 503, error: "该决算的来源明细暂不可用" };
  return traceFinalPublished(final, src, query.query);
}

/** The 决算 narrative's amounts that stand for one figure each, linked to `tracePath`. */
export async function publishedFinalNarrativeLinks(final: PublishedFinal, tracePath: string): Promise<Record<string, string>> {
  const src = await snapshotFinalTraceSource(final);
  return src ? finalNarrativeLinks(src, tracePath) : {};
}
