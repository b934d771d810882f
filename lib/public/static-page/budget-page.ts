import { db } from "@/lib/db/client";
import { currentSnapshotId } from "@/lib/db/queries/public-snapshots";
import { findSnapshotPage, storeSnapshotPage, type StoredPage } from "@/lib/db/queries/snapshot-page";
import { budgetPath, type PublicBudgetKey } from "../public-key";
import { readPublished, signedIn } from "../read-published";
import { SnapshotCache } from "../snapshot-cache";
import { compressPage } from "./serve";

/**
 * The rendering of the page the stored bytes were made with. Raise it when the page's markup,
 * styles or script change: stored pages of the former format are then left unused and every
 * snapshot renders anew on its next request.
 */
export const PAGE_FORMAT = 1;

/** What one rendering of a budget's page shows: its snapshot, and whether it links a published 决算. */
export interface PageVersion {
  snapshotId: number;
  withFinal: boolean;
}

// Which version each key shows, remembered for a second while this process receives the
// publication events (lib/server/cache-invalidation.ts): under load the page is then bytes from
// memory, without a query. Every publication, 预算调整 or 决算 publication drops them at once; a
// key not (yet) published is never remembered, so a first publication shows at once; a signed-in
// reader (a reviewer who has just published) always asks the primary. The second bounds what a
// replica's lag could leave behind.
const VERSION_TTL_MS = 1_000;
const VERSION_ENTRIES = 4_096;
// On globalThis: Next bundles the listener (instrumentation) and the route handlers apart, each
// with its own copy of this module, and the listener's must reach the routes'.
interface Versions {
  entries: Map<string, { version: PageVersion; at: number }>;
  /** Whether publication events are being received. */
  trusted: boolean;
  /** Bumped by every forget: a lookup that began before one must not store what it read. */
  generation: number;
}
const shared = globalThis as unknown as { mingzhangPageVersions?: Versions };
const state: Versions = (shared.mingzhangPageVersions ??= { entries: new Map(), trusted: false, generation: 0 });
const versions = state.entries;

export function pageVersionsSize(): number {
  return versions.size;
}

export function forgetPageVersions(): void {
  versions.clear();
  state.generation += 1;
}

/** Whether publication events are being received (set by the cache listener; forgets either way). */
export function trustPageVersionEvents(on: boolean): void {
  state.trusted = on;
  forgetPageVersions();
}

/**
 * The version a reader of the key is shown now (two indexed lookups when not remembered). The one
 * answer for the route and the front door alike; `reader` as in readPublished.
 */
export async function currentPageVersion(key: PublicBudgetKey, reader?: { signedIn: boolean }): Promise<PageVersion | null> {
  const name = `${key.region}/${key.year}/${key.unit}`;
  const remember = state.trusted && !(reader ? reader.signedIn : await signedIn());
  const hit = remember ? versions.get(name) : undefined;
  if (hit && Date.now() - hit.at < VERSION_TTL_MS) return hit.version;
  const generation = state.generation;
  const [snapshotId, finalId] = await readPublished((d) => Promise.all([currentSnapshotId(d, key), currentSnapshotId(d, key, "final")]), reader);
  if (snapshotId === null) return null;
  const version = { snapshotId, withFinal: finalId !== null };
  if (remember && generation === state.generation) {
    versions.delete(name);
    versions.set(name, { version, at: Date.now() });
    if (versions.size > VERSION_ENTRIES) versions.delete(versions.keys().next().value as string);
  }
  return version;
}

/** The address segment of a version: v<snapshot id>, with -f when the page links the 决算. */
export function versionSegment(v: PageVersion): string {
  return `v${v.snapshotId}${v.withFinal ? "-f" : ""}`;
}

export function parseVersionSegment(segment: string): PageVersion | null {
  const m = /^v([1-9]\d{0,9})(-f)?$/.exec(segment);
  return m ? { snapshotId: Number(m[1]), withFinal: m[2] !== undefined } : null;
}

/** The versioned address of a page: its content can never change, so it is cached as immutable. */
export function versionedPath(key: PublicBudgetKey, v: PageVersion): string {
  return `${budgetPath(key)}/${versionSegment(v)}`;
}

export function sameVersion(a: PageVersion, b: PageVersion): boolean {
  return a.snapshotId === b.snapshotId && a.withFinal === b.withFinal;
}

// A page is some 30 KB compressed and 300 KB plain; 128 of them stay well inside the server's memory.
export const PAGE_CACHE_ENTRIES = 128;
// On globalThis for the same reason as the versions: the listener's forget must reach it.
const sharedPages = globalThis as unknown as { mingzhangBudgetPages?: SnapshotCache<StoredPage> };
const pages = (sharedPages.mingzhangBudgetPages ??= new SnapshotCache<StoredPage>(PAGE_CACHE_ENTRIES));

/**
 * The stored page of a version: from this process's memory, else as stored in the database,
 * else rendered now and stored, so every app server serves the same bytes under the same ETag
 * (when two render at once, the one stored first is served by both).
 */
export function storedBudgetPage(v: PageVersion, render: () => Promise<string>): Promise<StoredPage> {
  return pages.get(`${v.snapshotId}:${v.withFinal}`, async () => {
    const variant = { ...v, format: PAGE_FORMAT };
    const stored = await readPublished((d) => findSnapshotPage(d, variant));
    if (stored) return stored;
    const page = compressPage(await render());
    if (await storeSnapshotPage(db(), variant, page)) return page;
    return (await findSnapshotPage(db(), variant)) ?? page;
  });
}

/**
 * The stored page of a version when there is one (this process's memory, else the database),
 * never rendering: null sends the caller (the front door) to the route, which renders and stores.
 */
export async function storedBudgetPageIfAny(v: PageVersion, reader: { signedIn: boolean }): Promise<StoredPage | null> {
  const key = `${v.snapshotId}:${v.withFinal}`;
  const held = pages.peek(key);
  if (held) return held;
  const stored = await readPublished((d) => findSnapshotPage(d, { ...v, format: PAGE_FORMAT }), reader);
  // Kept as the route would keep it (when a rendering began meanwhile, that one is kept).
  return stored ? pages.get(key, () => Promise.resolve(stored)) : null;
}

/** A superseded snapshot's pages are no longer served: their memory is given back (all of it with no id). */
export function forgetBudgetPages(snapshotId?: number): void {
  if (snapshotId === undefined) return pages.forget();
  pages.forget(`${snapshotId}:true`);
  pages.forget(`${snapshotId}:false`);
}
