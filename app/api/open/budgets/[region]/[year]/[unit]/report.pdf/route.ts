import { printPageToPdf } from "@/lib/export/pdf";
import { internalOrigin } from "@/lib/public/http";
import { budgetPath } from "@/lib/public/public-key";
import type { BudgetParams } from "@/lib/public/published-resource";
import { SnapshotCache } from "@/lib/public/snapshot-cache";
import { serveSnapshotFile } from "@/lib/public/snapshot-file";

export const dynamic = "force-dynamic";
// Launching Chromium takes a few seconds the first time a snapshot is asked for.
export const maxDuration = 120;

// One Chromium run per snapshot per server process; concurrent requests share it.
const pdfs = new SnapshotCache<Buffer>(32);

/** GET …/report.pdf: the print view (narrative + every table, one per page) printed by Chromium. */
export async function GET(request: Request, { params }: { params: BudgetParams }) {
  return serveSnapshotFile(request, params, {
    cache: pdfs,
    // ?v pins the print page to this snapshot: should a 预算调整 publish a newer one meanwhile, the
    // print page answers 404, the rendering fails and nothing wrong is cached under this id.
    render: (key, budget) => printPageToPdf(`${internalOrigin()}${budgetPath(key)}/print?v=${budget.snapshotId}`),
    contentType: "application/pdf",
    extension: "pdf",
  });
}
