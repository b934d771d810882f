import type { Db } from "@/lib/db/client";
import { currentSnapshotId, currentSnapshotIds, publishedBudgetBySnapshot, sortPublished, type PublishedBudget } from "@/lib/db/queries/public-snapshots";
import type { PublicBudgetKey } from "./public-key";
import { SnapshotCache } from "./snapshot-cache";

/**
 * The published pages' cache: in this process's memory, keyed by the snapshot it holds and
 * bounded. Next's own page cache (files under the build folder, keyed by URL) is not used for
 * them: it is shared by every server started from one checkout whatever its database, and any
 * address under /b/ wrote files to it. Here the current snapshot id is asked of the database
 * on every request (one indexed lookup), so a publication or 预算调整 shows at once and an
 * unknown address is a 404 that stores nothing.
 */
export const PUBLISHED_CACHE_ENTRIES = 256;
const snapshots = new SnapshotCache<PublishedBudget | null>(PUBLISHED_CACHE_ENTRIES);

/** One published snapshot by its id (whichever budget it belongs to: the caller checks). */
export function cachedBudgetBySnapshot(db: Db, id: number): Promise<PublishedBudget | null> {
  return snapshots.get(String(id), () => publishedBudgetBySnapshot(db, id));
}

export async function cachedPublishedBudget(db: Db, key: PublicBudgetKey): Promise<PublishedBudget | null> {
  const id = await currentSnapshotId(db, key);
  return id === null ? null : cachedBudgetBySnapshot(db, id);
}

export async function cachedPublishedList(db: Db, filter: { region: string; year: number }): Promise<PublishedBudget[]> {
  const ids = await currentSnapshotIds(db, filter);
  const budgets = await Promise.all(ids.map((id) => cachedBudgetBySnapshot(db, id)));
  return sortPublished(budgets.filter((b): b is PublishedBudget => b !== null));
}

/**
 * Called by the cache listener (lib/server/cache-invalidation.ts): an adjustment published on any
 * server makes the snapshot it superseded unreachable here, so its memory is given back at once;
 * with no id (the listener reconnected and may have missed events) everything is dropped.
 */
export function forgetPublished(snapshotId?: number): void {
  snapshots.forget(snapshotId === undefined ? undefined : String(snapshotId));
}

export function publishedCacheSize(): number {
  return snapshots.size;
}
