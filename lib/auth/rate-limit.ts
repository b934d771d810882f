/**
 * Fixed-window limiter for sign-in attempts, per account and per address, in one process's memory:
 * the reference for the semantics. Sign-in itself counts in the database (signin-attempts.ts, the
 * same limits and rules, tested against the same cases) so that several app servers share one
 * allowance and a restart forgets nothing.
 *
 * Every attempt counts the moment it starts (so a burst of parallel guesses is counted before
 * the slow hash answers), and a successful sign-in is forgiven afterwards: only failures use up
 * the allowance, so an office of colleagues signing in from one address is never locked out.
 */
export function createRateLimiter(opts: { limit: number; windowMs: number; now?: () => number; maxKeys?: number }) {
  const now = opts.now ?? Date.now;
  // Bounded: rotating usernames or addresses must not grow the map without limit.
  const maxKeys = opts.maxKeys ?? 100_000;
  const hits = new Map<string, { count: number; start: number }>();
  return {
    /** Counts one attempt; false once `limit` attempts were made within the window. */
    allow(key: string): boolean {
      const t = now();
      const entry = hits.get(key);
      if (!entry || t - entry.start >= opts.windowMs) {
        hits.delete(key);
        hits.set(key, { count: 1, start: t });
        while (hits.size > maxKeys) {
          const oldest = hits.keys().next().value;
          if (oldest === undefined) break;
          hits.delete(oldest);
        }
        return true;
      }
      entry.count += 1;
      return entry.count <= opts.limit;
    },
    /** Milliseconds until `key` may try again (0 when it may now). */
    retryAfterMs(key: string): number {
      const entry = hits.get(key);
      if (!entry || entry.count <= opts.limit) return 0;
      return Math.max(0, entry.start + opts.windowMs - now());
    },
    /** Takes back one counted attempt (it succeeded). */
    forgive(key: string) {
      const entry = hits.get(key);
      if (entry && entry.count > 0) entry.count -= 1;
    },
    reset(key: string) {
      hits.delete(key);
    },
  };
}

export const SIGN_IN_ATTEMPTS_PER_WINDOW = 10;
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;

export { lockedOutMessage, LOCKED_OUT_PREFIX } from "./lockout-message";
