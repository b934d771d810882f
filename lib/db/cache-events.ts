import type { Db } from "./client";

/**
 * What one app server tells the others when something they may hold in memory changed: the
 * PostgreSQL channel every server LISTENs on (lib/db/cache-listener.ts). Sent with pg_notify in
 * the transaction of the change, so it reaches the others exactly when the change commits, and
 * never for a change that rolled back; the CLI's writes announce themselves the same way.
 */
export const CACHE_CHANNEL = "mingzhang_cache";

export type CacheEvent =
  | { kind: "publish"; snapshotId: number }
  /** An adjusted version published: `supersededId` is the snapshot the public no longer reads. */
  | { kind: "adjustment"; snapshotId: number; supersededId: number }
  | { kind: "catalogue"; year: number };

export async function announce(tx: Pick<Db, "$executeRaw">, event: CacheEvent): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${CACHE_CHANNEL}, ${JSON.stringify(event)})`;
}

export function parseCacheEvent(payload: string | undefined): CacheEvent | null {
  try {
    const e = JSON.parse(payload ?? "") as Partial<Record<string, unknown>>;
    if (e.kind === "publish" && typeof e.snapshotId === "number") return { kind: "publish", snapshotId: e.snapshotId };
    if (e.kind === "adjustment" && typeof e.snapshotId === "number" && typeof e.supersededId === "number")
      return { kind: "adjustment", snapshotId: e.snapshotId, supersededId: e.supersededId };
    if (e.kind === "catalogue" && typeof e.year === "number") return { kind: "catalogue", year: e.year };
  } catch {
    // Not ours: ignored.
  }
  return null;
}
