import type { SessionUser } from "@/lib/auth/permissions";
import type { Trace } from "@/lib/budget/trace";
import type { Db } from "@/lib/db/client";
import { loadFinalForEngine } from "@/lib/db/finals/read-final";
import { budgetScope } from "@/lib/db/scope";
import { finalTraceSource, traceFinalCell, traceFinalNarrative } from "@/lib/final/trace";
import { parseTraceQuery } from "@/lib/public/published-trace";

export type ReviewFinalTrace =
  { status: 400 | 404; error: string; unitName: string; year: number } | { status: 200; unitName: string; year: number; trace: Trace };

/**
 * One figure of the 决算 under review, as it stands, with the lines behind it: read in the
 * reviewer's scope (outside it, or not a 决算: null ⇒ 404).
 */
export async function loadReviewFinalTrace(db: Db, user: SessionUser, budgetId: number, params: URLSearchParams): Promise<ReviewFinalTrace | null> {
  const engine = await loadFinalForEngine(db, budgetId, budgetScope(user, "budget.review"));
  if (!engine) return null;
  const head = { unitName: engine.final.unit.name, year: engine.final.year };
  const q = parseTraceQuery(params, "final");
  if (!q.ok) return { status: 400, error: q.error, ...head };
  const src = finalTraceSource(engine.final, engine.catalog);
  const trace = "narrative" in q.query ? traceFinalNarrative(src, q.query.narrative) : traceFinalCell(src, q.query.table, q.query.row, q.query.column);
  return trace ? { status: 200, ...head, trace } : { status: 404, error: "该决算没有这个数字", ...head };
}
