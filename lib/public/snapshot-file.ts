import type { PublishedBudget, PublishedFinal } from "@/lib/db/queries/public-snapshots";
import { attachment, isNotModified, snapshotHeaders } from "./http";
import type { PublicBudgetKey } from "./public-key";
import { notFoundJson, publishedFinalFromParams, publishedFromParams, type BudgetParams } from "./published-resource";
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
  return serveFound(request, found, file, { prefix: "budget", title: "年部门预算" });
}

/** The same for a published 决算's files (…/finals/…/report.pdf, tables.xlsx). */
export async function serveFinalSnapshotFile(
  request: Request,
  params: BudgetParams,
  file: {
    cache: SnapshotCache<Buffer>;
    render: (key: PublicBudgetKey, final: PublishedFinal) => Promise<Buffer>;
    contentType: string;
    extension: string;
  },
): Promise<Response> {
  const found = await publishedFinalFromParams(params);
  if (!found) return notFoundJson("决算");
  return serveFound(request, found, file, { prefix: "final", title: "年度部门决算" });
}

async function serveFound<B extends PublishedBudget | PublishedFinal>(
  request: Request,
  { key, budget }: { key: PublicBudgetKey; budget: B },
  file: { cache: SnapshotCache<Buffer>; render: (key: PublicBudgetKey, budget: B) => Promise<Buffer>; contentType: string; extension: string },
  name: { prefix: string; title: string },
): Promise<Response> {
  const headers = snapshotHeaders(request.url, budget.snapshotId);
  if (isNotModified(request, budget.snapshotId)) return new Response(null, { status: 304, headers });
  const body = await file.cache.get(String(budget.snapshotId), () => file.render(key, budget));
  return new Response(new Uint8Array(body), {
    headers: {
      ...headers,
      "Content-Type": file.contentType,
      "Content-Disposition": attachment(
        `${name.prefix}-${key.region}-${key.year}-${key.unit}.${file.extension}`,
        `${budget.unit.name}${budget.year}${name.title}.${file.extension}`,
      ),
    },
  });
}
