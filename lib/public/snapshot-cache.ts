/**
 * A small least-recently-used cache of things rendered from a published snapshot (the Excel
 * file, the PDF, the CSV). A snapshot never changes, so its id is a complete cache key and
 * nothing ever needs invalidating; the bound only limits memory. Concurrent requests for the
 * same key share one rendering (the promise is cached, and dropped again if it fails).
 */
export class SnapshotCache<V> {
  private readonly entries = new Map<string, Promise<V>>();

  constructor(private readonly capacity: number) {}

  get(key: string, render: () => Promise<V>): Promise<V> {
    const hit = this.peek(key);
    if (hit) return hit;
    const value = render();
    this.entries.set(key, value);
    value.catch(() => {
      if (this.entries.get(key) === value) this.entries.delete(key);
    });
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return value;
  }

  /** The entry of a key when there is one (marked as recently used), without rendering. */
  peek(key: string): Promise<V> | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      // Re-insert to mark as most recently used (a Map iterates in insertion order).
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  /** Drops one entry (a superseded snapshot nobody is sent to any more), or all of them. */
  forget(key?: string): void {
    if (key === undefined) this.entries.clear();
    else this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Cache-Control of a URL versioned by snapshot (?v=<id>): its content can never change. */
export const IMMUTABLE = "public, max-age=31536000, immutable";
/**
 * Cache-Control of an unversioned public URL: a 预算调整 publishes a new snapshot under the same
 * address, so shared caches keep it briefly and revalidate.
 */
export const REVALIDATE = "public, max-age=0, s-maxage=300, stale-while-revalidate=3600";
