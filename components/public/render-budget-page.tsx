import { BudgetNotFound } from "@/components/public/BudgetNotFound";
import { BudgetPage } from "@/components/public/BudgetPage";
import { StaticDocument } from "@/components/public/StaticDocument";
import { budgetNarrativeFigures } from "@/components/trace/NarrativeFigureLinks";
import { cachedBudgetBySnapshot } from "@/lib/public/published-cache";
import { publishedNarrativeLinks } from "@/lib/public/published-trace";
import { budgetPath, type PublicBudgetKey } from "@/lib/public/public-key";
import { readPublished } from "@/lib/public/read-published";
import type { PageVersion } from "@/lib/public/static-page/budget-page";
import { ISLAND_SCRIPT } from "@/lib/public/static-page/island";
import { renderMarkup } from "@/lib/public/static-page/markup";
import { pageCss } from "@/lib/public/static-page/page-css";

const SITE = "明账";

/** The data the page of a version shows, all read before rendering (the render is synchronous React). */
export async function budgetPageProps(key: PublicBudgetKey, v: PageVersion) {
  const budget = await readPublished((d) => cachedBudgetBySnapshot(d, v.snapshotId));
  if (!budget) throw new Error(`公开快照 ${v.snapshotId} 不存在`);
  const trace = `${budgetPath(key)}/trace`;
  const [narrativeLinks, figures] = await Promise.all([publishedNarrativeLinks(budget, trace), budgetNarrativeFigures(budget)]);
  return { budgetKey: key, budget, hasFinal: v.withFinal, narrativeLinks, figures };
}

/** The public page of one version of a published budget, as the complete HTML document stored for it. */
export async function renderBudgetPageHtml(key: PublicBudgetKey, v: PageVersion): Promise<string> {
  const props = await budgetPageProps(key, v);
  const title = `${props.budget.unit.name}${props.budget.year}年部门预算 · ${SITE}`;
  return `<!DOCTYPE html>${await renderMarkup(
    <StaticDocument title={title} css={pageCss()} script={ISLAND_SCRIPT}>
      <BudgetPage {...props} />
    </StaticDocument>,
  )}`;
}

/** The 404 of a budget's address: not (yet) published, or no such budget. */
export async function renderBudgetNotFoundHtml(region: string, year: string): Promise<string> {
  return `<!DOCTYPE html>${await renderMarkup(
    <StaticDocument title={`未找到 · ${SITE}`} css={pageCss()} script={ISLAND_SCRIPT}>
      <BudgetNotFound region={region} year={year} />
    </StaticDocument>,
  )}`;
}
