import { renderBudgetNotFoundHtml, renderBudgetPageHtml } from "@/components/public/render-budget-page";
import { parsePublicKey } from "@/lib/public/public-key";
import { IMMUTABLE, REVALIDATE } from "@/lib/public/snapshot-cache";
import { currentPageVersion, parseVersionSegment, sameVersion, storedBudgetPage } from "@/lib/public/static-page/budget-page";
import { pageResponse } from "@/lib/public/static-page/serve";

export type Params = Promise<{ region: string; year: string; unit: string; version?: string }>;

async function notFound(region: string, year: string): Promise<Response> {
  return new Response(await renderBudgetNotFoundHtml(region, year), {
    status: 404,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/**
 * The public page of a published budget, rendered once per snapshot to static HTML and served as
 * stored (lib/public/static-page). /b/{region}/{year}/{unit} shows the current version with
 * shared caching kept short (a 预算调整 or a 决算 published changes what it shows);
 * /b/{region}/{year}/{unit}/v{snapshot}[-f] names one version and is immutable — once not
 * current it sends the reader to the current one. Both answer 304 to the page's ETag.
 */
export async function budgetPageResponse(request: Request, params: Params): Promise<Response> {
  const p = await params;
  const key = parsePublicKey(p.region, p.year, p.unit);
  const asked = p.version === undefined ? null : parseVersionSegment(p.version);
  if (!key || (p.version !== undefined && !asked)) return notFound(p.region, p.year);
  const current = await currentPageVersion(key);
  if (!current) return notFound(p.region, p.year);
  if (asked && !sameVersion(asked, current)) {
    return new Response(null, {
      status: 302,
      headers: { Location: new URL(`/b/${p.region}/${p.year}/${p.unit}`, request.url).pathname, "Cache-Control": REVALIDATE },
    });
  }
  const page = await storedBudgetPage(current, () => renderBudgetPageHtml(key, current));
  return pageResponse(request, page, asked ? IMMUTABLE : REVALIDATE);
}
