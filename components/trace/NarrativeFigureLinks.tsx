import { formatWanDisplay } from "@/lib/format";
import { parseWan } from "@/lib/budget/money";
import { narrativeKeys, traceNarrative, type Trace } from "@/lib/budget/trace";
import { db } from "@/lib/db/client";
import { loadCatalog } from "@/lib/db/catalog-store";
import type { PublishedBudget, PublishedFinal } from "@/lib/db/queries/public-snapshots";
import { finalNarrativeKeys, traceFinalNarrative } from "@/lib/final/trace";
import { snapshotFinalTraceSource } from "@/lib/public/published-final-trace";
import { snapshotTraceSource } from "@/lib/public/published-trace";

export interface Figure {
  key: string;
  label: string;
  value: string;
}

const figuresOf = (keys: string[], trace: (key: string) => Trace | null): Figure[] =>
  keys.flatMap((key) => {
    const t = trace(key);
    return t ? [{ key, label: t.label.replace(/^情况说明 · /, ""), value: t.value }] : [];
  });

/**
 * The amounts of a 情况说明, each a link to its trace: the narrative is Markdown whose numbers
 * cannot be told apart reliably (one value can stand for several figures), so they are listed
 * by figure under it.
 */
export function FigureList({ figures, tracePath }: { figures: Figure[]; tracePath: string }) {
  return (
    <details className="card" id="narrative-figures">
      <summary>情况说明中各数字的来源（{figures.length} 个）</summary>
      <ul>
        {figures.map((f) => (
          <li key={f.key}>
            <a href={`${tracePath}?narrative=${encodeURIComponent(f.key)}`}>
              {f.label}：{formatWanDisplay(parseWan(f.value))} 万元
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}

/**
 * The figures of 部门预算情况说明, from the frozen snapshot (cached by snapshot); null when the
 * snapshot's catalogue is gone. Read before rendering: the budget page is rendered to static HTML
 * (lib/public/static-page), which takes no async component.
 */
export async function budgetNarrativeFigures(budget: PublishedBudget): Promise<Figure[] | null> {
  const catalog = await loadCatalog(db(), budget.year);
  const src = catalog ? await snapshotTraceSource(budget, catalog) : null;
  return src ? figuresOf(narrativeKeys(src.atoms), (k) => traceNarrative(src, k)) : null;
}

/** The figures of 部门决算情况说明, from the frozen 决算 snapshot (cached by snapshot). */
export async function FinalNarrativeFigureLinks({ final, tracePath }: { final: PublishedFinal; tracePath: string }) {
  const src = await snapshotFinalTraceSource(final);
  if (!src) return null;
  return <FigureList figures={figuresOf(finalNarrativeKeys(src), (k) => traceFinalNarrative(src, k))} tracePath={tracePath} />;
}
