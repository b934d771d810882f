import { isNotModified, snapshotHeaders } from "@/lib/public/http";
import { notFoundJson, publishedFromParams, type BudgetParams } from "@/lib/public/published-resource";

export const dynamic = "force-dynamic";

/** GET /api/open/budgets/{region}/{year}/{unit} → { package, tables, narrative, published } of the current snapshot. */
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
      published: { snapshotId: budget.snapshotId, version: budget.sequence, publishedAt: budget.publishedAt.toISOString() },
    },
    { headers },
  );
}
