import type { Db } from "@/lib/db/client";
import { SIGN_IN_ATTEMPTS_PER_WINDOW, SIGN_IN_WINDOW_MS } from "./rate-limit";

type Sql = Pick<Db, "$queryRaw" | "$executeRaw">;

export interface SignInVerdict {
  allowed: boolean;
  /** Milliseconds until every refused key may try again (0 when allowed). */
  retryAfterMs: number;
}

/**
 * The sign-in limiter of a cluster: the same fixed windows and limits as the in-memory one
 * (rate-limit.ts), counted in the SignInAttempt table so that every app server behind a balancer
 * spends the same allowance and a restart forgets nothing. Every time is the database's clock,
 * so servers whose clocks differ still agree on when a window ends.
 *
 * Each attempt counts the moment it starts, in one statement for all its keys (a burst of
 * parallel guesses through several servers is counted before the slow hash answers); a success
 * is forgiven afterwards, as before.
 */
export function createSignInAttempts(db: () => Sql, opts: { limit?: number; windowMs?: number; purgeEveryMs?: number } = {}) {
  const limit = opts.limit ?? SIGN_IN_ATTEMPTS_PER_WINDOW;
  const windowMs = opts.windowMs ?? SIGN_IN_WINDOW_MS;
  const purgeEveryMs = opts.purgeEveryMs ?? 60_000;
  let lastPurge = 0;

  // Rows of passed windows would otherwise pile up under rotating names or addresses; at most
  // once a minute per process, and never in the way of the attempt that triggered it.
  function purgeNow() {
    if (Date.now() - lastPurge < purgeEveryMs) return;
    lastPurge = Date.now();
    db().$executeRaw`DELETE FROM "SignInAttempt" WHERE "windowStart" <= LOCALTIMESTAMP - ${windowMs}::int * interval '1 millisecond'`.catch(() => undefined);
  }

  return {
    async attempt(keys: readonly string[]): Promise<SignInVerdict> {
      purgeNow();
      // Sorted: two servers counting the same keys lock the rows in the same order.
      const sorted = [...new Set(keys)].sort();
      const rows = await db().$queryRaw<{ count: number; retryMs: number }[]>`
        INSERT INTO "SignInAttempt" ("key", "count", "windowStart")
        SELECT k, 1, LOCALTIMESTAMP FROM unnest(${sorted}::text[]) AS k
        ON CONFLICT ("key") DO UPDATE SET
          "count" = CASE WHEN "SignInAttempt"."windowStart" <= LOCALTIMESTAMP - ${windowMs}::int * interval '1 millisecond'
                         THEN 1 ELSE "SignInAttempt"."count" + 1 END,
          "windowStart" = CASE WHEN "SignInAttempt"."windowStart" <= LOCALTIMESTAMP - ${windowMs}::int * interval '1 millisecond'
                               THEN LOCALTIMESTAMP ELSE "SignInAttempt"."windowStart" END
        RETURNING "count",
          GREATEST(0, EXTRACT(EPOCH FROM ("windowStart" + ${windowMs}::int * interval '1 millisecond' - LOCALTIMESTAMP)) * 1000)::float8 AS "retryMs"`;
      const refused = rows.filter((r) => r.count > limit);
      return { allowed: refused.length === 0, retryAfterMs: Math.max(0, ...refused.map((r) => Math.ceil(r.retryMs))) };
    },
    /** Takes back one counted attempt (it succeeded). */
    async forgive(key: string): Promise<void> {
      await db().$executeRaw`UPDATE "SignInAttempt" SET "count" = "count" - 1 WHERE "key" = ${key} AND "count" > 0`;
    },
    async reset(key: string): Promise<void> {
      await db().$executeRaw`DELETE FROM "SignInAttempt" WHERE "key" = ${key}`;
    },
  };
}

export type SignInAttempts = ReturnType<typeof createSignInAttempts>;
