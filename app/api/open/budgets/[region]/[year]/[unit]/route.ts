import { publishedSummary } from "@/lib/public/budget-summary";
import { isNotModified, snapshotHeaders } from "@/lib/public/http";
import { unitApiPath } from "@/lib/public/public-key";
import { notFoundJson, publishedFromParams, type BudgetParams } from "@/lib/public/published-resource";

export const dynamic = "force-dynamic";

/**
 * GET /api/open/budgets/{region}/{year}/{unit} → { package, tables, narrative, totals, units, published }
 * of the current snapshot; `units` lists the units whose own tables were published with a
 * consolidated department budget (each with its totals and its address), empty otherwise.
 */
export async function GET(request: Request, { params }: { params: BudgetParams }) {
  const found = await publishedFromParams(params);
  if (!found) return notFoundJson();
  const { key, budget } = found;
  const headers = snapshotHeaders(request.url, budget.snapshotId);
  if (isNotModified(request, budget.snapshotId)) return new Response(null, { status: 304, headers });
  return Response.json(
    {
      package: budget.package,
      tables: budget.tables,
      narrative: budget.narrative,
      // The same frozen figures as the list's `totals` (万元), 上年 and 比上年 as the narrative prints them.
      totals: (({ byClass: _byClass, ...totals }) => totals)(publishedSummary(budget)),
      units: budget.units.map((u) => ({
        code: u.code,
        name: u.name,
        totals: { total: u.summary.total, basic: u.summary.basic, project: u.summary.project, threePublic: u.summary.threePublic },
        href: unitApiPath(key, u.code),
      })),
      published: { snapshotId: budget.snapshotId, version: budget.sequence, publishedAt: budget.publishedAt.toISOString() },
    },
    { headers },
  );
}
