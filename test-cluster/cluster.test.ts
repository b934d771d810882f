import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { budgetToPackage } from "@/lib/budget/package/from-budget";
import { createDb, type Db } from "@/lib/db/connect";
import { loadBudgetById } from "@/lib/db/budgets/export-package";
import { findPublishedBudget } from "@/lib/db/queries/public-snapshots";
import { approveBudget } from "@/lib/workflow/approve-budget";
import { freezeSnapshot } from "@/lib/workflow/freeze-snapshot";
import { SECTIONS } from "@/lib/workspace/sections";
import { startCluster, type Cluster } from "@/cluster/harness";
import { HttpClient } from "@/cluster/http-client";
import { waitForReplay } from "@/cluster/postgres-pair";
import { sessionUser } from "../test/helpers/users";

/**
 * Issue 21: 明账 as two app servers behind a balancer, on a PostgreSQL primary with a streaming
 * replica, all on 127.0.0.1. The tests run in order: the last two kill the replica and an app server.
 */
const PORTS = {
  balancer: Number(process.env.CLUSTER_BALANCER_PORT ?? 3300),
  apps: [Number(process.env.CLUSTER_APP_PORT ?? 3301), Number(process.env.CLUSTER_APP_PORT ?? 3301) + 1],
  primary: Number(process.env.CLUSTER_PG_PORT ?? 55401),
  replica: Number(process.env.CLUSTER_PG_PORT ?? 55401) + 1,
};
// Loose enough for a loaded 2-core machine: the test reading the replica's old answer must get
// its request in before the bound is passed.
const MAX_LAG_MS = 4000;
const DEMO_PASSWORD = "mingzhang-demo";
const REGION = "500109";

let dir: string;
let cluster: Cluster;
let primary: Db;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "mingzhang-cluster-"));
  cluster = await startCluster({
    dir,
    primaryPort: PORTS.primary,
    replicaPort: PORTS.replica,
    appPorts: PORTS.apps,
    balancerPort: PORTS.balancer,
    env: { MINGZHANG_REPLICA_MAX_LAG_MS: String(MAX_LAG_MS) },
    log: (l) => process.stdout.write(`[cluster] ${l.trimEnd()}\n`),
  });
  primary = createDb(cluster.db.primaryUrl);
});

afterAll(async () => {
  await primary?.$disconnect();
  await cluster?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function poll<T>(what: () => Promise<T | undefined>, timeoutMs: number, everyMs = 50): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  for (let i = 0; i < 2000 && Date.now() - started < timeoutMs; i++) {
    const value = await what();
    if (value !== undefined) return { value, ms: Date.now() - started };
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`${timeoutMs} 毫秒内未满足`);
}

const logOf = (port: number) => cluster.apps.find((a) => a.port === port)!.output.join("");

describe("sign-in limits behind the balancer", () => {
  it("an account's allowance is shared by both app servers", async () => {
    const attacker = new HttpClient(PORTS.balancer, "127.0.0.2");
    const upstreams = new Set<string>();
    for (let i = 0; i < 10; i++) {
      // Shifts the round-robin so that the sign-ins themselves land on both servers.
      if (i % 2) await attacker.get("/api/open/budgets");
      const r = await attacker.signIn("accountant.111", `wrong-${i}`);
      expect(r.ok).toBe(false);
      expect(r.error).not.toMatch(/尝试次数过多/);
      upstreams.add(attacker.lastUpstream ?? "");
    }
    expect(upstreams.size).toBe(2);
    // The right password now, on either server: refused, and told how long to wait.
    const locked = await attacker.signIn("accountant.111", DEMO_PASSWORD);
    expect(locked).toEqual({ ok: false, error: "尝试次数过多，请 15 分钟后再试" });
    const locked2 = await new HttpClient(PORTS.balancer, "127.0.0.3").signIn("accountant.111", DEMO_PASSWORD);
    expect(locked2.error).toBe("尝试次数过多，请 15 分钟后再试");
  });

  it("an address's allowance too, counted on the hop the balancer appended (a forged X-Forwarded-For changes nothing)", async () => {
    const sprayer = new HttpClient(PORTS.balancer, "127.0.0.4");
    for (let i = 0; i < 10; i++) {
      const csrf = JSON.parse((await sprayer.get("/api/auth/csrf")).text) as { csrfToken: string };
      const res = await sprayer.request("POST", "/api/auth/callback/credentials", {
        headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": `10.0.0.${i}` },
        body: new URLSearchParams({ csrfToken: csrf.csrfToken, username: `nobody-${i}`, password: "x", json: "true" }).toString(),
      });
      expect(res.status).toBeLessThan(500);
    }
    expect((await sprayer.signIn("accountant.104", DEMO_PASSWORD)).error).toBe("尝试次数过多，请 15 分钟后再试");
    // Someone else, from another address, is not held back.
    expect(await new HttpClient(PORTS.balancer, "127.0.0.5").signIn("accountant.104", DEMO_PASSWORD)).toEqual({ ok: true });
  });
});

describe("publication across servers and the replica", () => {
  it("a budget published on one app server is served by the other within 2 s", async () => {
    const [a, b] = PORTS.apps as [number, number];
    const budget = await primary.budget.findFirstOrThrow({ where: { year: 2024, department: { code: "111" } } });
    // The demo district reviews in two stages: 业务科室初审, then 局领导审定.
    const passed = await approveBudget(primary, await sessionUser(primary, "reviewer.500109"), { budgetId: budget.id, expectedVersion: budget.version });
    expect(passed).toMatchObject({ ok: true, status: "SUBMITTED" });
    const approved = await approveBudget(primary, await sessionUser(primary, "budgetchief.500109"), {
      budgetId: budget.id,
      expectedVersion: budget.version + 1,
    });
    expect(approved).toMatchObject({ ok: true, status: "APPROVED" });
    const publicPath = `/b/${REGION}/2024/111`;
    const other = new HttpClient(b);
    expect((await other.get(publicPath)).status).toBe(404);
    const reviewer = new HttpClient(a);
    expect(await reviewer.signIn("reviewer.500109", DEMO_PASSWORD)).toEqual({ ok: true });
    const version = (await primary.budget.findUniqueOrThrow({ where: { id: budget.id } })).version;
    const published = await reviewer.action<{ ok: boolean; status?: string; message: string }>(
      cluster.actionId("lib/actions/review/transitions.ts", "publishAction"),
      `/review/budgets/${budget.id}`,
      { state: null, form: { budgetId: String(budget.id), expectedVersion: String(version) } },
    );
    expect(published.result).toMatchObject({ ok: true, status: "PUBLISHED", message: "已公开，公众现在可以查阅" });
    const seen = await poll(async () => {
      const res = await other.get(publicPath);
      return res.status === 200 ? res.text : undefined;
    }, 2000);
    expect(seen.value).toContain(budget.unitName);
    process.stdout.write(`[cluster] 另一台应用服务器 ${seen.ms} 毫秒后提供新公开的预算\n`);
  });

  it("a 预算调整 made on the primary: both servers' front doors show the new version within 2 s, and its old address leads to it", async () => {
    const publicPath = `/b/${REGION}/2024/111`;
    const servers = PORTS.apps.map((p) => new HttpClient(p));
    const asBrotli = (c: HttpClient, p: string) => c.request("GET", p, { headers: { "accept-encoding": "br" } });
    // The first server to show the page renders and stores it; each then sends the stored brotli
    // bytes under the one ETag, from its front door.
    for (const c of servers) expect((await c.get(publicPath)).status).toBe(200);
    const shown = await Promise.all(servers.map((c) => asBrotli(c, publicPath)));
    for (const r of shown) expect([r.status, r.headers["content-encoding"], r.headers["etag"]]).toEqual([200, "br", shown[0]!.headers["etag"]]);
    const before = (await findPublishedBudget(primary, { region: REGION, year: 2024, unit: "111" }))!;
    const budget = await primary.budget.findFirstOrThrow({ where: { year: 2024, department: { code: "111" } } });
    const adjusted = await primary.$transaction((tx) => freezeSnapshot(tx, budget.id, null));
    for (const c of servers) {
      const moved = await poll(async () => {
        const old = await c.get(`${publicPath}/v${before.snapshotId}`);
        return old.status === 302 ? old.headers["location"] : undefined;
      }, 2000);
      expect(moved.value).toBe(publicPath);
      const now = await poll(async () => {
        const r = await c.get(`${publicPath}/v${adjusted.id}`);
        return r.status === 200 ? r : undefined;
      }, 2000);
      expect(now.value.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(now.value.headers["etag"]).not.toBe(shown[0]!.headers["etag"]);
      expect((await c.get(publicPath)).headers["etag"]).toBe(now.value.headers["etag"]);
    }
  });

  it("public reads come from the replica (an unreplayed change is not seen) until it lags past the bound, then from the primary", async () => {
    const replica = new pg.Client({ connectionString: cluster.db.replicaUrl });
    const db = new pg.Client({ connectionString: cluster.db.primaryUrl });
    await replica.connect();
    await db.connect();
    const reader = new HttpClient(PORTS.balancer, "127.0.0.6");
    const regionName = async (client: HttpClient) =>
      (JSON.parse((await client.get(`/api/open/budgets?region=${REGION}`)).text) as { budgets: { region: { name: string } }[] }).budgets[0]!.region.name;
    const original = await regionName(reader);
    try {
      await replica.query("select pg_wal_replay_pause()");
      await db.query(`update "Region" set name = '北碚区（改名）' where code = $1`, [REGION]);
      const changedAt = Date.now();
      // Both servers, straight after the change: the replica's answer.
      expect([await regionName(reader), await regionName(reader)]).toEqual([original, original]);
      expect(Date.now() - changedAt).toBeLessThan(MAX_LAG_MS);
      // A signed-in user reads the primary.
      const reviewer = new HttpClient(PORTS.balancer, "127.0.0.7");
      expect(await reviewer.signIn("reviewer.500109", DEMO_PASSWORD)).toEqual({ ok: true });
      expect(await regionName(reviewer)).toBe("北碚区（改名）");
      // Past the bound: the primary answers on both servers (two reads in a row, round-robin),
      // and each server says so in its log.
      const fellBack = await poll(
        async () => ((await regionName(reader)) === "北碚区（改名）" && (await regionName(reader)) === "北碚区（改名）" ? true : undefined),
        MAX_LAG_MS + 6000,
        200,
      );
      expect(fellBack.value).toBe(true);
      expect(Date.now() - changedAt).toBeGreaterThanOrEqual(MAX_LAG_MS - 600);
      await poll(
        async () => (PORTS.apps.every((p) => /只读副本不可用（延迟 \d+ 毫秒，超过 4000 毫秒），公众页面改读主库/.test(logOf(p))) ? true : undefined),
        5000,
        100,
      );
    } finally {
      await db.query(`update "Region" set name = $2 where code = $1`, [REGION, original]);
      await replica.query("select pg_wal_replay_resume()");
      await replica.end();
      await db.end();
    }
    await waitForReplay(cluster.db.primaryUrl, cluster.db.replicaUrl);
    await poll(async () => (PORTS.apps.every((p) => /只读副本已恢复/.test(logOf(p))) ? true : undefined), 10_000, 100);
  });

  it("with the replica killed, public reads still answer (from the primary)", async () => {
    await cluster.db.replica.kill();
    const reader = new HttpClient(PORTS.balancer, "127.0.0.8");
    for (let i = 0; i < 12; i++) {
      for (const p of ["/", `/b/${REGION}/2024`, `/b/${REGION}/2024/111`, `/api/open/budgets`]) expect((await reader.get(p)).status, p).toBe(200);
    }
    await poll(async () => (PORTS.apps.every((p) => /只读副本不可用（(?!延迟)[^）]+），公众页面改读主库/.test(logOf(p))) ? true : undefined), 5000, 100);
  });
});

describe("an app server dies under load", () => {
  it("the other answers every public read, and no save is lost or half-written", async () => {
    const budget = await primary.budget.findFirstOrThrow({ where: { year: 2023, department: { code: "134" } } });
    const pagePath = `/workspace/budgets/${budget.id}`;
    const saveId = cluster.actionId("lib/actions/budget/save-section.ts", "saveSectionAction");
    const base = SECTIONS.narrative.pick(budgetToPackage((await loadBudgetById(primary, budget.id, {}))!, { unit: "元" }));
    const valuesFor = (i: number) => ({ narrative: { ...base.narrative, incomeChange: `第 ${i} 次保存：收入`, basicUsage: `第 ${i} 次保存：基本支出` } });
    const stored = async () => {
      const row = await primary.budget.findUniqueOrThrow({ where: { id: budget.id } });
      const n = SECTIONS.narrative.pick(budgetToPackage((await loadBudgetById(primary, budget.id, {}))!, { unit: "元" })).narrative;
      return { version: row.version, income: n.incomeChange, basic: n.basicUsage };
    };
    const accountant = new HttpClient(PORTS.balancer, "127.0.0.9");
    expect(await accountant.signIn("accountant.134", DEMO_PASSWORD)).toEqual({ ok: true });

    // Public readers throughout.
    let reading = true;
    const reads: number[] = [];
    const readers = [10, 11].map(async (n) => {
      const c = new HttpClient(PORTS.balancer, `127.0.0.${n}`);
      for (let i = 0; i < 400 && reading; i++) reads.push((await c.get(`/b/${REGION}/2024/104`).catch(() => ({ status: 0 }))).status);
    });

    let version = budget.version;
    let committed = 0;
    let lastCommitted = -1;
    const answers: string[] = [];
    const SAVES = 24;
    for (let i = 0; i < SAVES; i++) {
      if (i === 8) void cluster.apps[0]!.kill();
      let outcome: string;
      try {
        const r = await accountant.action<{ ok: boolean; version?: number; code?: string }>(saveId, pagePath, [
          { budgetId: budget.id, expectedVersion: version, section: "narrative", values: valuesFor(i) },
        ]);
        outcome = r.result?.ok ? "ok" : `HTTP ${r.status} ${r.result?.code ?? ""}`;
        if (r.result?.ok) {
          expect(r.result.version).toBe(version + 1);
          version = r.result.version!;
          committed += 1;
          lastCommitted = i;
        }
      } catch (e) {
        outcome = `error ${e instanceof Error ? e.message : String(e)}`;
      }
      if (outcome !== "ok") {
        // The answer was lost: the database says whether this save happened, wholly or not at all.
        const s = await stored();
        if (s.version === version + 1) {
          expect(s).toEqual({ version: version + 1, income: `第 ${i} 次保存：收入`, basic: `第 ${i} 次保存：基本支出` });
          version = s.version;
          committed += 1;
          lastCommitted = i;
          outcome += " (committed)";
        } else expect(s.version).toBe(version);
      }
      answers.push(outcome);
    }
    reading = false;
    await Promise.all(readers);

    const final = await stored();
    expect(final).toEqual({ version: budget.version + committed, income: `第 ${lastCommitted} 次保存：收入`, basic: `第 ${lastCommitted} 次保存：基本支出` });
    // At most the save in flight when the server died went unanswered; the rest went through.
    expect(answers.filter((a) => a !== "ok").length).toBeLessThanOrEqual(1);
    expect(committed).toBeGreaterThanOrEqual(SAVES - 1);
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.filter((s) => s !== 200)).toEqual([]);
    process.stdout.write(`[cluster] ${SAVES} 次保存：${answers.join(", ")}；公众读取 ${reads.length} 次，全部 200\n`);
  });
});
