import { isNotModified, snapshotHeaders } from "@/lib/public/http";
import { notFoundJson, publishedUnitFromParams, type UnitParams } from "@/lib/public/published-resource";

export const dynamic = "force-dynamic";

/**
 * GET /api/open/budgets/{region}/{year}/{unit}/units/{code} → { unit, tables, totals, published }:
 * one unit's tables (单位公开表) as frozen with the current version of its department's budget.
 */
export async function GET(request: Request, { params }: { params: UnitParams }) {
  const found = await publishedUnitFromParams(params);
  if (!found) return notFoundJson();
  const { unit } = found;
  const { department } = unit;
  const headers = snapshotHeaders(request.url, department.snapshotId);
  if (isNotModified(request, department.snapshotId)) return new Response(null, { status: 304, headers });
  return Response.json(
    {
      unit: { code: unit.code, name: unit.name },
      department: { code: department.unit.code, name: department.unit.name },
      tables: unit.tables,
      totals: (({ byClass: _byClass, ...totals }) => totals)(unit.summary),
      published: { snapshotId: department.snapshotId, version: department.sequence, publishedAt: department.publishedAt.toISOString() },
    },
    { headers },
  );
}
