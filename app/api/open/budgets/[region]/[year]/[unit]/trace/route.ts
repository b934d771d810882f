import { db } from "@/lib/db/client";
import { loadCatalog } from "@/lib/db/catalog-store";
import { isNotModified, snapshotHeaders } from "@/lib/public/http";
import { notFoundJson, publishedFromParams, type BudgetParams } from "@/lib/public/published-resource";
import { parseTraceQuery, snapshotTraceSource, tracePublished } from "@/lib/public/published-trace";

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "no-store" };

/**
 * GET /api/open/budgets/{region}/{year}/{unit}/trace?table=T2&row=201&column=total (or
 * ?narrative=<key>) → the lines behind one published figure (docs/spec/disclosure-tables.md, "Traces").
 */
export async function GET(request: Request, { params }: { params: BudgetParams }) {
  const query = parseTraceQuery(new URL(request.url).searchParams);
  if (!query.ok) return Response.json({ error: query.error }, { status: 400, headers: noStore });
  const found = await publishedFromParams(params);
  if (!found) return notFoundJson();
  const { budget } = found;
  const headers = snapshotHeaders(request.url, budget.snapshotId);
  if (isNotModified(request, budget.snapshotId)) return new Response(null, { status: 304, headers });
  const catalog = await loadCatalog(db(), budget.year);
  const src = catalog ? await snapshotTraceSource(budget, catalog) : null;
  if (!src) return Response.json({ error: "该预算的来源明细暂不可用" }, { status: 503, headers: noStore });
  const answer = tracePublished(budget, src, query.query);
  if (answer.status !== 200) return Response.json({ error: answer.error }, { status: answer.status, headers: noStore });
  return Response.json(answer.trace, { headers });
}
