import type { SessionUser } from "@/lib/auth/permissions";
import { packageToBudget } from "@/lib/budget/package/to-budget";
import { parsePackageValue } from "@/lib/budget/package/schema";
import {
  figureChanges,
  lineChanges,
  traceCell,
  traceNarrative,
  traceSource,
  type FigureChange,
  type LineChange,
  type Trace,
  type TraceSourceData,
} from "@/lib/budget/trace";
import type { Db } from "@/lib/db/client";
import { loadForEngine } from "@/lib/db/budgets/load-for-engine";
import { budgetScope } from "@/lib/db/scope";
import { parseTraceQuery, type TraceQuery } from "@/lib/public/published-trace";

interface Sources {
  unitName: string;
  year: number;
  now: TraceSourceData;
  /** The previous submission, computed with this year's catalogue and last-year figures. */
  previous: { sequence: number; src: TraceSourceData } | null;
}

/**
 * The budget under review as trace sources: as it stands, and as it was at the submission
 * before the last one (the same pair lib/review/submission-diff.ts compares), read in the
 * reviewer's scope (null: not found).
 */
async function reviewSources(db: Db, user: SessionUser, budgetId: number): Promise<Sources | null> {
  const engine = await loadForEngine(db, budgetId, budgetScope(user, "budget.review"));
  if (!engine) return null;
  const options = engine.prior ? { prior: engine.prior } : {};
  const now = traceSource(engine.budget, engine.catalog, options);
  const submissions = await db.budgetSubmission.findMany({ where: { budgetId }, orderBy: { sequence: "desc" }, take: 2 });
  const before = submissions.length === 2 ? submissions[1]! : null;
  const parsed = before ? parsePackageValue(before.package) : null;
  const previous = before && parsed?.ok ? { sequence: before.sequence, src: traceSource(packageToBudget(parsed.pkg), engine.catalog, options) } : null;
  return { unitName: engine.budget.unit.name, year: engine.budget.year, now, previous };
}

const traceOf = (src: TraceSourceData, q: TraceQuery): Trace | null =>
  "narrative" in q ? traceNarrative(src, q.narrative) : traceCell(src, q.table, q.row, q.column);

export type ReviewTrace =
  | { status: 400 | 404; error: string; unitName: string; year: number }
  | {
      status: 200;
      unitName: string;
      year: number;
      trace: Trace;
      /** Against the previous submission: its figure (null when it printed none) and the lines that changed. */
      previous: { sequence: number; value: string; lines: LineChange[] } | null;
    };

/** One figure of the budget under review with the lines behind it and what changed since the previous submission. */
export async function loadReviewTrace(db: Db, user: SessionUser, budgetId: number, params: URLSearchParams): Promise<ReviewTrace | null> {
  const s = await reviewSources(db, user, budgetId);
  if (!s) return null;
  const head = { unitName: s.unitName, year: s.year };
  const q = parseTraceQuery(params);
  if (!q.ok) return { status: 400, error: q.error, ...head };
  const trace = traceOf(s.now, q.query);
  if (!trace) return { status: 404, error: "该预算没有这个数字", ...head };
  const before = s.previous ? traceOf(s.previous.src, q.query) : null;
  return {
    status: 200,
    ...head,
    trace,
    previous: s.previous ? { sequence: s.previous.sequence, value: before?.value ?? "0.00", lines: lineChanges(before, trace) } : null,
  };
}

/** Every printed figure that changed since the previous submission (null: no previous submission or not found). */
export async function loadReviewFigureChanges(db: Db, user: SessionUser, budgetId: number): Promise<{ sequence: number; changes: FigureChange[] } | null> {
  const s = await reviewSources(db, user, budgetId);
  if (!s?.previous) return null;
  return { sequence: s.previous.sequence, changes: figureChanges(s.previous.src, s.now) };
}
