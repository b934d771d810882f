import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { createSignInAttempts } from "@/lib/auth/signin-attempts";
import { lockedOutMessage, SIGN_IN_ATTEMPTS_PER_WINDOW } from "@/lib/auth/rate-limit";
import { createDb, type Db } from "@/lib/db/connect";
import { announce, type CacheEvent } from "@/lib/db/cache-events";
import { listenForCacheEvents } from "@/lib/db/cache-listener";
import { loadCatalog, trustCatalogEvents } from "@/lib/db/catalog-store";
import { freshDatabase, type TestDatabase } from "../helpers/database";

/**
 * Issue 21: what two app servers share goes through PostgreSQL. Two clients with pools of their
 * own stand in for two servers (the cluster tier, `npm run test:cluster`, runs real processes).
 */
let t: TestDatabase;
let other: Db;
beforeAll(async () => {
  t = await freshDatabase();
  other = createDb(t.url);
});
afterAll(async () => {
  trustCatalogEvents(false);
  await other.$disconnect();
  await t.drop();
});

async function until<T>(what: () => T | undefined, ms = 3000): Promise<T> {
  const deadline = Date.now() + ms;
  for (let i = 0; i < 300 && Date.now() < deadline; i++) {
    const v = what();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error("timed out");
}

describe("sign-in attempts are counted in the database", () => {
  it("two servers share one allowance per account and address", async () => {
    const a = createSignInAttempts(() => t.db);
    const b = createSignInAttempts(() => other);
    const keys = ["user:shared", "addr:10.0.0.1"];
    const verdicts = [];
    for (let i = 0; i < SIGN_IN_ATTEMPTS_PER_WINDOW; i++) verdicts.push(await (i % 2 ? b : a).attempt(keys));
    expect(verdicts.every((v) => v.allowed)).toBe(true);
    const refused = await b.attempt(keys);
    expect(refused.allowed).toBe(false);
    expect(lockedOutMessage(refused.retryAfterMs)).toBe("尝试次数过多，请 15 分钟后再试");
    expect((await a.attempt(["user:shared", "addr:elsewhere"])).allowed).toBe(false);
    // Another account from another address is untouched.
    expect((await a.attempt(["user:someone-else", "addr:10.0.0.2"])).allowed).toBe(true);
  });

  it("a burst of parallel guesses through both servers gets exactly the allowance", async () => {
    const a = createSignInAttempts(() => t.db);
    const b = createSignInAttempts(() => other);
    const verdicts = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).attempt(["user:burst", `addr:burst-${i}`])));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(SIGN_IN_ATTEMPTS_PER_WINDOW);
  });

  it("a success is forgiven for the address and resets the account, on whichever server", async () => {
    const a = createSignInAttempts(() => t.db);
    const b = createSignInAttempts(() => other);
    for (let i = 0; i < 25; i++) {
      expect((await a.attempt([`user:office-${i}`, "addr:office"])).allowed).toBe(true);
      await b.forgive("addr:office");
      await b.reset(`user:office-${i}`);
    }
    expect(await t.db.signInAttempt.count({ where: { key: { startsWith: "user:office-" } } })).toBe(0);
  });

  it("a window ends by the database's clock, and passed windows are purged", async () => {
    const a = createSignInAttempts(() => t.db, { limit: 2, windowMs: 300, purgeEveryMs: 0 });
    const keys = ["user:short"];
    expect([await a.attempt(keys), await a.attempt(keys), await a.attempt(keys)].map((v) => v.allowed)).toEqual([true, true, false]);
    await new Promise((r) => setTimeout(r, 350));
    expect((await a.attempt(keys)).allowed).toBe(true);
    await t.db.$executeRaw`INSERT INTO "SignInAttempt" ("key", "count", "windowStart") VALUES ('user:stale', 3, LOCALTIMESTAMP - interval '1 hour')`;
    await a.attempt(["user:trigger"]);
    // The purge runs beside the attempt, not in its way.
    let left = 1;
    for (let i = 0; i < 50 && left > 0; i++) {
      left = await t.db.signInAttempt.count({ where: { key: "user:stale" } });
      if (left > 0) await new Promise((r) => setTimeout(r, 20));
    }
    expect(left).toBe(0);
  }, 10_000);
});

describe("cache invalidation by LISTEN/NOTIFY", () => {
  it("a committed announcement reaches the listener; a rolled-back one never does", async () => {
    const heard: CacheEvent[] = [];
    const gaps: boolean[] = [];
    const listener = listenForCacheEvents(t.url, { onEvent: (e) => heard.push(e), onGap: (c) => gaps.push(c) });
    try {
      await until(() => (listener.connected() ? true : undefined));
      expect(gaps).toEqual([true]);
      await other
        .$transaction(async (tx) => {
          await announce(tx, { kind: "catalogue", year: 1999 });
          throw new Error("rolled back");
        })
        .catch(() => undefined);
      await other.$transaction(async (tx) => announce(tx, { kind: "adjustment", snapshotId: 7, supersededId: 6 }));
      expect(await until(() => heard[0])).toEqual({ kind: "adjustment", snapshotId: 7, supersededId: 6 });
      expect(heard).toHaveLength(1);
    } finally {
      await listener.stop();
    }
  });

  it("a dropped LISTEN connection is a gap (caches cleared), then listening resumes", async () => {
    const gaps: boolean[] = [];
    const heard: CacheEvent[] = [];
    const listener = listenForCacheEvents(t.url, { onEvent: (e) => heard.push(e), onGap: (c) => gaps.push(c) }, { minRetryMs: 50 });
    try {
      await until(() => (listener.connected() ? true : undefined));
      await t.db.$executeRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN mingzhang_cache' AND pid <> pg_backend_pid()`;
      await until(() => (gaps.length >= 3 ? true : undefined), 5000);
      expect(gaps.slice(0, 3)).toEqual([true, false, true]);
      expect(listener.connected()).toBe(true);
      await announce(other, { kind: "catalogue", year: 2024 });
      expect(await until(() => heard[0])).toEqual({ kind: "catalogue", year: 2024 });
    } finally {
      await listener.stop();
    }
  });

  it("a catalogue changed by another server is read afresh here, without the revision query in between", async () => {
    const { applyCacheEvent } = await import("@/lib/server/cache-invalidation");
    const listener = listenForCacheEvents(t.url, { onEvent: applyCacheEvent, onGap: trustCatalogEvents });
    try {
      await until(() => (listener.connected() ? true : undefined));
      const before = await loadCatalog(t.db, 2024);
      const code = [...before!.functions.keys()][0]!;
      // The other server's import, as raw SQL on its own connection (this process's own writes
      // would clear the cache locally): a renamed subject, the revision and the announcement.
      const c = new pg.Client({ connectionString: t.url });
      await c.connect();
      try {
        await c.query("begin");
        await c.query(`update "FunctionSubject" set name = '改名后的科目' where year = 2024 and code = $1`, [code]);
        await c.query(`update "CatalogRevision" set revision = revision + 1 where year = 2024`);
        await c.query(`select pg_notify('mingzhang_cache', $1)`, [JSON.stringify({ kind: "catalogue", year: 2024 })]);
        // Before the commit, this server still uses what it cached (and asks nothing).
        expect((await loadCatalog(t.db, 2024))!.functions.get(code)!.name).toBe(before!.functions.get(code)!.name);
        await c.query("commit");
      } finally {
        await c.end();
      }
      const deadline = Date.now() + 2000;
      let name = "";
      for (let i = 0; i < 100 && Date.now() < deadline; i++) {
        name = (await loadCatalog(t.db, 2024))!.functions.get(code)!.name;
        if (name === "改名后的科目") break;
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(name).toBe("改名后的科目");
    } finally {
      await listener.stop();
      trustCatalogEvents(false);
    }
  });
});
