import Decimal from "decimal.js";
import { formatWanDisplay } from "@/lib/format";
import { narrativeKeys, traceNarrative, type Trace, type TraceSourceData } from "@/lib/budget/trace";
import { finalNarrativeKeys, traceFinalNarrative, type FinalTraceSource } from "@/lib/final/trace";

/**
 * The amounts of a narrative that can be linked in its text: a printed number (a change reads
 * without its sign, "减少 332.06 万元") that stands for exactly one figure. Several figure keys
 * with the same lines (机关运行经费 and 公用经费 are one cell) are one figure; two different
 * figures that print alike make the number ambiguous, and it stays plain text (the list under
 * the narrative still has both).
 */
export function narrativeNumberLinks(figures: { key: string; trace: Trace }[], href: (key: string) => string): Record<string, string> {
  const byNumber = new Map<string, { key: string; lines: string }[]>();
  for (const { key, trace } of figures) {
    const shown = formatWanDisplay(new Decimal(trace.value).abs());
    if (shown === "0.00") continue;
    byNumber.set(shown, [...(byNumber.get(shown) ?? []), { key, lines: JSON.stringify(trace.lines) }]);
  }
  const out: Record<string, string> = {};
  for (const [shown, candidates] of byNumber) {
    if (new Set(candidates.map((c) => c.lines)).size === 1) out[shown] = href(candidates[0]!.key);
  }
  return out;
}

function linksOf(keys: string[], trace: (key: string) => Trace | null, tracePath: string): Record<string, string> {
  const figures = keys.flatMap((key) => {
    const t = trace(key);
    return t ? [{ key, trace: t }] : [];
  });
  return narrativeNumberLinks(figures, (key) => `${tracePath}?narrative=${encodeURIComponent(key)}`);
}

/** The linkable amounts of a budget's 情况说明, each to its trace under `tracePath`. */
export function budgetNarrativeLinks(src: TraceSourceData, tracePath: string): Record<string, string> {
  return linksOf(narrativeKeys(src.atoms), (key) => traceNarrative(src, key), tracePath);
}

/** The linkable amounts of a 决算's 情况说明, each to its trace under `tracePath`. */
export function finalNarrativeLinks(src: FinalTraceSource, tracePath: string): Record<string, string> {
  return linksOf(finalNarrativeKeys(src), (key) => traceFinalNarrative(src, key), tracePath);
}
