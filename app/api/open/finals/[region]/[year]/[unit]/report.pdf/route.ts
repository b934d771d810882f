import { db } from "@/lib/db/client";
import type { BudgetParams } from "@/lib/public/published-resource";
import { SnapshotCache } from "@/lib/public/snapshot-cache";
import { serveFinalSnapshotFile } from "@/lib/public/snapshot-file";
import { snapshotPdf } from "@/lib/public/snapshot-pdf";

export const dynamic = "force-dynamic";

const pdfs = new SnapshotCache<Buffer>(32);

/** GET …/finals/…/report.pdf: the 决算's PDF (narrative, 表一…表九, 绩效自评表), stored at publication. */
export async function GET(request: Request, { params }: { params: BudgetParams }) {
  return serveFinalSnapshotFile(request, params, {
    cache: pdfs,
    render: (_key, final) => snapshotPdf(db(), { ...final, kind: "final" }),
    contentType: "application/pdf",
    extension: "pdf",
  });
}
