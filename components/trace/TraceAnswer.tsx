import type { Trace, TraceRowRef } from "@/lib/budget/trace";
import { TraceView } from "./TraceView";

/** The link of a printed row's own trace under a page's base address. */
export const traceRowHref = (base: string) => (r: TraceRowRef) =>
  r.table ? `${base}/trace?${new URLSearchParams({ table: r.table, row: r.row, column: r.column })}` : undefined;

/**
 * What a trace page shows for its query: the trace, its printed rows linking to their own traces
 * under `base`, or why there is none. One for the public and the reviewer's pages, budget and 决算.
 */
export function TraceAnswerView({
  answer,
  base,
  sourceLabels,
  csvHref,
}: {
  answer: { status: 200; trace: Trace } | { status: number; error: string };
  base: string;
  sourceLabels?: Record<string, string>;
  csvHref?: string;
}) {
  if (!("trace" in answer)) {
    return (
      <p role="alert" className="error">
        {answer.error}
      </p>
    );
  }
  return <TraceView trace={answer.trace} rowHref={traceRowHref(base)} {...(sourceLabels ? { sourceLabels } : {})} {...(csvHref ? { csvHref } : {})} />;
}
