import { publishedSummary } from "@/lib/public/budget-summary";
import { isNotModified, snapshotHeaders } from "@/lib/public/http";
import { notFoundJson, publishedFromParams, type BudgetParams } from "@/lib/public/published-resource";

export const dynamic = "force-dynamic";

/** GET /api/open/budgets/{region}/{year}/{unit} → { package, tables, narrative, totals, published } of the current snapshot. */
export async function GET(request: Request, { params }: { params: BudgetParams }) {
  const found = await publishedFromParams(params);
  if (!found) return notFoundJson();
  const { budget } = found;
  const headers = snapshotHeaders(request.url, budget.snapshotId);
  if (isNotModified(request, budget.snapshotId)) return new Response(null, { status: 304, headers });
  return Response.json(
    {
      package: budget.package,
      tables: budget.tables,
      narrative: budget.narrative,
      // The same frozen figures as the list's `totals` (万元), 上年 and 比上年 as the narrative prints them.
      totals: (({ byClass: _byClass, ...totals }) => totals)(publishedSummary(budget)),
      published: { snapshotId: budget.snapshotId, version: budget.sequence, publishedAt: budget.publishedAt.toISOString() },
    },
    { headers },
  );
}
