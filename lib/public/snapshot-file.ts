import type { PublishedBudget } from "@/lib/db/queries/public-snapshots";
import { attachment, isNotModified, snapshotHeaders } from "./http";
import type { PublicBudgetKey } from "./public-key";
import { notFoundJson, publishedFromParams, type BudgetParams } from "./published-resource";
import type { SnapshotCache } from "./snapshot-cache";

/**
 * A download made from a published snapshot (Excel, PDF): 404 for anything unpublished, 304 when
 * the client has this snapshot's file, else the file (rendered, or read from where it is stored)
 * once per snapshot and kept in memory.
 */
export async function serveSnapshotFile(
  request: Request,
  params: BudgetParams,
  file: {
    cache: SnapshotCache<Buffer>;
    render: (key: PublicBudgetKey, budget: PublishedBudget) => Promise<Buffer>;
    contentType: string;
    extension: string;
  },
): Promise<Response> {
  const found = await publishedFromParams(params);
  if (!found) return notFoundJson();
  const { key, budget } = found;
  const headers = snapshotHeaders(request.url, budget.snapshotId);
  if (isNotModified(request, budget.snapshotId)) return new Response(null, { status: 304, headers });
  const body = await file.cache.get(String(budget.snapshotId), () => file.render(key, budget));
  return new Response(new Uint8Array(body), {
    headers: {
      ...headers,
      "Content-Type": file.contentType,
      "Content-Disposition": attachment(
        `budget-${key.region}-${key.year}-${key.unit}.${file.extension}`,
        `${budget.unit.name}${budget.year}年部门预算.${file.extension}`,
      ),
    },
  });
}
