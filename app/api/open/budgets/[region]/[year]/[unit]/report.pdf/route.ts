import { printPageToPdf } from "@/lib/export/pdf";
import { attachment, internalOrigin, isNotModified, snapshotHeaders } from "@/lib/public/http";
import { budgetPath } from "@/lib/public/public-key";
import { notFoundJson, publishedFromParams, type BudgetParams } from "@/lib/public/published-resource";
import { SnapshotCache } from "@/lib/public/snapshot-cache";

export const dynamic = "force-dynamic";
// Launching Chromium takes a few seconds the first time a snapshot is asked for.
export const maxDuration = 120;

// One Chromium run per snapshot per server process; concurrent requests share it.
const pdfs = new SnapshotCache<Buffer>(32);

/** GET …/report.pdf: the print view (narrative + every table, one per page) printed by Chromium. */
export async function GET(request: Request, { params }: { params: BudgetParams }) {
  const found = await publishedFromParams(params);
  if (!found) return notFoundJson();
  const { key, budget } = found;
  const headers = snapshotHeaders(request.url, budget.snapshotId);
  if (isNotModified(request, budget.snapshotId)) return new Response(null, { status: 304, headers });
  // ?v pins the print page to this snapshot: should a 预算调整 publish a newer one meanwhile, the
  // print page answers 404, the rendering fails and nothing wrong is cached under this id.
  const file = await pdfs.get(String(budget.snapshotId), () =>
    printPageToPdf(`${internalOrigin()}${budgetPath(key)}/print?v=${budget.snapshotId}`),
  );
  return new Response(new Uint8Array(file), {
    headers: {
      ...headers,
      "Content-Type": "application/pdf",
      "Content-Disposition": attachment(`budget-${key.region}-${key.year}-${key.unit}.pdf`, `${budget.unit.name}${budget.year}年部门预算.pdf`),
    },
  });
}
