import { writeDisclosureWorkbook } from "@/lib/export/xlsx";
import { attachment, isNotModified, snapshotHeaders } from "@/lib/public/http";
import { notFoundJson, publishedFromParams, type BudgetParams } from "@/lib/public/published-resource";
import { SnapshotCache } from "@/lib/public/snapshot-cache";

export const dynamic = "force-dynamic";

// Rendered once per snapshot per server process: a snapshot never changes.
const workbooks = new SnapshotCache<Buffer>(64);

/** GET …/tables.xlsx: every disclosure table, one sheet each, in the standard layout. */
export async function GET(request: Request, { params }: { params: BudgetParams }) {
  const found = await publishedFromParams(params);
  if (!found) return notFoundJson();
  const { key, budget } = found;
  const headers = snapshotHeaders(request.url, budget.snapshotId);
  if (isNotModified(request, budget.snapshotId)) return new Response(null, { status: 304, headers });
  const file = await workbooks.get(String(budget.snapshotId), () =>
    writeDisclosureWorkbook(budget.tables, { publishedAt: budget.publishedAt }),
  );
  return new Response(new Uint8Array(file), {
    headers: {
      ...headers,
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": attachment(`budget-${key.region}-${key.year}-${key.unit}.xlsx`, `${budget.unit.name}${budget.year}年部门预算.xlsx`),
    },
  });
}
