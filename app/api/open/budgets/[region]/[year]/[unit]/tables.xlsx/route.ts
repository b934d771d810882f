import { writeDisclosureWorkbook } from "@/lib/export/xlsx";
import type { BudgetParams } from "@/lib/public/published-resource";
import { SnapshotCache } from "@/lib/public/snapshot-cache";
import { serveSnapshotFile } from "@/lib/public/snapshot-file";

export const dynamic = "force-dynamic";

// Rendered once per snapshot per server process: a snapshot never changes.
const workbooks = new SnapshotCache<Buffer>(64);

/** GET …/tables.xlsx: every disclosure table, one sheet each, in the standard layout. */
export async function GET(request: Request, { params }: { params: BudgetParams }) {
  return serveSnapshotFile(request, params, {
    cache: workbooks,
    render: (_key, budget) => writeDisclosureWorkbook(budget.tables, { publishedAt: budget.publishedAt }),
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    extension: "xlsx",
  });
}
