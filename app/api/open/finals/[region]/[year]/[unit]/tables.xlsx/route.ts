import { writeGridWorkbook } from "@/lib/export/xlsx";
import { finalTableLayouts } from "@/lib/public/layout";
import type { BudgetParams } from "@/lib/public/published-resource";
import { SnapshotCache } from "@/lib/public/snapshot-cache";
import { serveFinalSnapshotFile } from "@/lib/public/snapshot-file";

export const dynamic = "force-dynamic";

const workbooks = new SnapshotCache<Buffer>(64);

/** GET …/finals/…/tables.xlsx: F1–F9 and every 绩效自评表, one sheet each. */
export async function GET(request: Request, { params }: { params: BudgetParams }) {
  return serveFinalSnapshotFile(request, params, {
    cache: workbooks,
    render: (_key, final) =>
      writeGridWorkbook(finalTableLayouts(final.tables), { title: `${final.unit.name}${final.year}年度部门决算`, publishedAt: final.publishedAt }),
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    extension: "xlsx",
  });
}
