import { formatWanDisplay } from "@/lib/format";
import { parseWan } from "@/lib/budget/money";
import { narrativeKeys, traceNarrative } from "@/lib/budget/trace";
import { db } from "@/lib/db/client";
import { loadCatalog } from "@/lib/db/catalog-store";
import type { PublishedBudget } from "@/lib/db/queries/public-snapshots";
import { snapshotTraceSource } from "@/lib/public/published-trace";

/**
 * The amounts of 部门预算情况说明, each a link to its trace: the narrative is Markdown whose
 * numbers cannot be told apart reliably (one value can stand for several figures), so they are
 * listed by figure under it. Computed from the frozen snapshot (cached by snapshot).
 */
export async function NarrativeFigureLinks({ budget, tracePath }: { budget: PublishedBudget; tracePath: string }) {
  const catalog = await loadCatalog(db(), budget.year);
  const src = catalog ? await snapshotTraceSource(budget, catalog) : null;
  if (!src) return null;
  const figures = narrativeKeys(src.atoms).flatMap((key) => {
    const t = traceNarrative(src, key);
    return t ? [{ key, label: t.label.replace(/^情况说明 · /, ""), value: t.value }] : [];
  });
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
