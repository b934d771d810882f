/**
 * Fixed-window limiter for sign-in attempts, per account and per address. In memory: 明账 runs
 * as one server process; a cluster would move this to the database.
 */
export function createRateLimiter(opts: { limit: number; windowMs: number; now?: () => number }) {
  const now = opts.now ?? Date.now;
  const hits = new Map<string, { count: number; start: number }>();
  return {
    allow(key: string): boolean {
      const t = now();
      const entry = hits.get(key);
      if (!entry || t - entry.start >= opts.windowMs) {
        hits.set(key, { count: 1, start: t });
        return true;
      }
      entry.count += 1;
      return entry.count <= opts.limit;
    },
    reset(key: string) {
      hits.delete(key);
    },
  };
}

export const rateLimiter = createRateLimiter({ limit: 10, windowMs: 15 * 60 * 1000 });
