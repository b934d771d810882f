import { isNotModified, snapshotHeaders } from "@/lib/public/http";
import { notFoundJson, publishedFinalFromParams, type BudgetParams } from "@/lib/public/published-resource";

export const dynamic = "force-dynamic";

/** GET /api/open/finals/{region}/{year}/{unit} → { package, tables, narrative, published } of the current 决算 snapshot. */
export async function GET(request: Request, { params }: { params: BudgetParams }) {
  const found = await publishedFinalFromParams(params);
  if (!found) return notFoundJson("决算");
  const { budget: final } = found;
  const headers = snapshotHeaders(request.url, final.snapshotId);
  if (isNotModified(request, final.snapshotId)) return new Response(null, { status: 304, headers });
  return Response.json(
    {
      package: final.package,
      tables: final.tables,
      narrative: final.narrative,
      published: { snapshotId: final.snapshotId, version: final.sequence, publishedAt: final.publishedAt.toISOString() },
    },
    { headers },
  );
}
