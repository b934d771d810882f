import type { Db } from "@/lib/db/client";
import { findSnapshotPdf, readSnapshotForPdf, storeSnapshotPdf, type SnapshotForPdf } from "@/lib/db/queries/snapshot-pdf";
import { renderBudgetPdf } from "@/lib/export/pdf/render-budget-pdf";
import { renderFinalPdf } from "@/lib/export/pdf/final-pdf";

/**
 * The PDF of a published snapshot as stored, rendered and stored first when it has none (a
 * snapshot published before PDFs were stored, or whose rendering at publication failed). A
 * snapshot never changes, so neither does its PDF: it is rendered once.
 */
export async function snapshotPdf(db: Db, snapshot: SnapshotForPdf): Promise<Buffer> {
  const stored = await findSnapshotPdf(db, snapshot.snapshotId);
  if (stored) return stored;
  const body = await (snapshot.kind === "final" ? renderFinalPdf(snapshot) : renderBudgetPdf(snapshot));
  await storeSnapshotPdf(db, snapshot.snapshotId, body);
  return body;
}

/**
 * Renders and stores the PDF of a snapshot just published. Runs after the publishing
 * transaction has committed, so a failure here never undoes a publication: it is reported, and
 * the first download renders the PDF instead.
 */
export async function storePublishedPdf(db: Db, snapshotId: number): Promise<void> {
  try {
    const snapshot = await readSnapshotForPdf(db, snapshotId);
    if (snapshot) await snapshotPdf(db, snapshot);
  } catch (error) {
    process.stderr.write(`[明账] 公开后生成 PDF 失败（将在首次下载时生成）：${error instanceof Error ? error.message : String(error)}\n`);
  }
}
