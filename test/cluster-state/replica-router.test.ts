import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReplicaRouter } from "@/lib/db/replica";
import { freePort } from "@/lib/db/embedded";
import { freshDatabase, type TestDatabase } from "../helpers/database";

/** The replica router's fallback (the cluster tier tests it against a real streaming standby). */
let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase();
});
afterAll(async () => t.drop());

describe("reading published snapshots from a replica", () => {
  it("a replica that does not answer is not read, and says so once in the log", async () => {
    const lines: string[] = [];
    const router = createReplicaRouter({
      primary: t.db,
      replicaUrl: `postgresql://postgres:x@127.0.0.1:${await freePort()}/nothing`,
      checkEveryMs: 60_000,
      log: (l) => lines.push(l),
    });
    try {
      await router.check();
      await router.check();
      expect(router.status().healthy).toBe(false);
      expect(router.choose()).toEqual({ db: t.db, replica: false });
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^只读副本不可用（.+），公众页面改读主库$/);
    } finally {
      await router.stop();
    }
  });

  it("a server that is not in recovery (a promoted replica) is read; a failed read sets it aside", async () => {
    const lines: string[] = [];
    const router = createReplicaRouter({ primary: t.db, replicaUrl: t.url, checkEveryMs: 60_000, log: (l) => lines.push(l) });
    try {
      await router.check();
      expect(router.status()).toMatchObject({ healthy: true, lagMs: 0 });
      const chosen = router.choose();
      expect(chosen.replica).toBe(true);
      expect(chosen.db).not.toBe(t.db);
      router.failed(new Error("connection terminated"));
      expect(router.choose().replica).toBe(false);
      expect(lines).toEqual(["只读副本不可用（connection terminated），公众页面改读主库"]);
      await router.check();
      expect(router.choose().replica).toBe(true);
      expect(lines[1]).toMatch(/^只读副本已恢复/);
    } finally {
      await router.stop();
    }
  });
});
