import { trustCatalogEvents, forgetCatalogs } from "@/lib/db/catalog-store";
import type { CacheEvent } from "@/lib/db/cache-events";
import { listenForCacheEvents, type CacheListener } from "@/lib/db/cache-listener";
import { forgetPublished } from "@/lib/public/published-cache";
import { forgetBudgetPages, forgetPageVersions, trustPageVersionEvents } from "@/lib/public/static-page/budget-page";

/** What this process forgets when another server (or the CLI) announces a change. */
export function applyCacheEvent(event: CacheEvent): void {
  if (event.kind === "catalogue") return forgetCatalogs();
  // Any publication (a budget's or a 决算's, first or adjusted) may change what a budget's page
  // shows: which versions are shown is asked again. A first publication leaves nothing else
  // stale: a snapshot never changes.
  forgetPageVersions();
  if (event.kind === "adjustment") {
    forgetPublished(event.supersededId);
    forgetBudgetPages(event.supersededId);
  }
}

const globalForListener = globalThis as unknown as { mingzhangCacheListener?: CacheListener };

/**
 * Starts (once per process) the LISTEN connection that keeps this server's caches in step with
 * the other servers'. The caches stay caches: a lost connection only means reading the database
 * more (onGap clears them and the catalogue goes back to checking its revision on every read).
 */
export function startCacheInvalidation(url = process.env.DATABASE_URL): CacheListener | undefined {
  if (!url || globalForListener.mingzhangCacheListener) return globalForListener.mingzhangCacheListener;
  const log = (line: string) => process.stderr.write(`[明账] ${line}\n`);
  globalForListener.mingzhangCacheListener = listenForCacheEvents(
    url,
    {
      onEvent: applyCacheEvent,
      onGap(connected) {
        trustCatalogEvents(connected);
        trustPageVersionEvents(connected);
        forgetPublished();
        forgetBudgetPages();
      },
    },
    { log },
  );
  return globalForListener.mingzhangCacheListener;
}
