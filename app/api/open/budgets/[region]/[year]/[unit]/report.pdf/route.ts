import { db } from "@/lib/db/client";
import type { BudgetParams } from "@/lib/public/published-resource";
import { SnapshotCache } from "@/lib/public/snapshot-cache";
import { serveSnapshotFile } from "@/lib/public/snapshot-file";
import { snapshotPdf } from "@/lib/public/snapshot-pdf";

export const dynamic = "force-dynamic";

// The stored PDFs most asked for stay in memory too; concurrent requests share one read.
const pdfs = new SnapshotCache<Buffer>(32);

/**
 * GET …/report.pdf: the PDF of the current snapshot (narrative and every table), stored when the
 * budget was published, or rendered and stored by the first request for an older snapshot.
 */
export async function GET(request: Request, { params }: { params: BudgetParams }) {
  return serveSnapshotFile(request, params, {
    cache: pdfs,
    render: (_key, budget) => snapshotPdf(db(), budget),
    contentType: "application/pdf",
    extension: "pdf",
  });
}
