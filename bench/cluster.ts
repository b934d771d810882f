/**
 * `npm run bench:cluster` (issue 21), on its own (not part of `npm run bench`):
 *
 *  1. Public page throughput with one vs two app servers behind the balancer, in the same run on
 *     the same cluster: one balancer process in front of app server A alone, another in front of
 *     A and B, each loaded in turn with autocannon; the CPU time every process used during each
 *     load tells what bounds the ratio.
 *  2. The replica's lag under save load: accountants saving through the balancer (HTTP, the
 *     real server action) while the primary's WAL position and the replica's replayed position
 *     are sampled every 50 ms (lag = age of the oldest unreplayed sample, as lib/db/replica.ts
 *     measures it), with pg_stat_replication's replay_lag beside it.
 *
 * Everything listens on 127.0.0.1 (ports 3310–3314, 55411–55412); every phase is bounded in time.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { budgetToPackage } from "@/lib/budget/package/from-budget";
import { createDb } from "@/lib/db/connect";
import { loadBudgetById } from "@/lib/db/budgets/export-package";
import { lagFromSamples, parseLsn } from "@/lib/db/replica";
import { REPO_ROOT } from "@/lib/db/runtime";
import { SECTIONS } from "@/lib/workspace/sections";
import { startCluster, type Cluster } from "@/cluster/harness";
import { HttpClient } from "@/cluster/http-client";
import { load, type LoadMeasure } from "./measure-public";
import { round, summarize } from "./stats";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const SAVE_SECONDS = Number(process.env.BENCH_SAVE_SECONDS ?? 15);
const SAVERS = 4;
const PUBLIC_PAGE = "/b/500109/2024/104";
const PORTS = { balancer: 3310, apps: [3311, 3312], primary: 55411, replica: 55412, one: 3313, two: 3314 };
const log = (line: string) => process.stdout.write(`[bench:cluster] ${line.trimEnd()}\n`);

const TICKS = 100; // USER_HZ on Linux
function cpuSeconds(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    // utime and stime (fields 14 and 15), children not included.
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return 0;
  }
}

/** The PostgreSQL server processes (postmaster and backends) together: every process named postgres. */
function postgresCpuSeconds(): number {
  let total = 0;
  for (const name of readdirSafe("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/comm`, "utf8").trim() === "postgres") total += cpuSeconds(Number(name));
    } catch {
      // Gone meanwhile.
    }
  }
  return total;
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function startBalancerProcess(port: number, upstreams: number[]): Promise<ChildProcess> {
  // One process (node with tsx's loader, not the tsx CLI, which runs a child): its CPU is its own.
  const child = spawn(process.execPath, ["--import", "tsx", "cluster/balancer.ts", String(port), ...upstreams.map(String)], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("均衡器未启动")), 30_000);
    child.stdout!.on("data", (c: Buffer) => {
      if (c.toString().includes("balancer on")) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once("exit", () => reject(new Error("均衡器退出")));
  });
}

/** Busy and total jiffies of the whole machine (every process, ours or not), from /proc/stat. */
function machineTicks(): { busy: number; total: number } {
  const cpu = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
  const total = cpu.slice(0, 8).reduce((a, v) => a + v, 0);
  return { busy: total - idle, total };
}

async function loadWithCpu(url: string, pids: Record<string, number | undefined>) {
  const machineBefore = machineTicks();
  const before = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, cpuSeconds(pid)]));
  const pgBefore = postgresCpuSeconds();
  const benchBefore = process.cpuUsage();
  const measure: LoadMeasure = await load(url, { connections: CONNECTIONS, seconds: SECONDS });
  const cpu: Record<string, number> = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, round(cpuSeconds(pid) - before[k]!, 1)]));
  // Approximate: a backend that ended during the load takes its CPU time with it (never below 0).
  cpu.postgres = round(Math.max(0, postgresCpuSeconds() - pgBefore), 1);
  const b = process.cpuUsage(benchBefore);
  cpu["autocannon (this process)"] = round((b.user + b.system) / 1e6, 1);
  const busy = Object.values(cpu).reduce((a, v) => a + v, 0);
  const machineAfter = machineTicks();
  const machineBusy = (machineAfter.busy - machineBefore.busy) / TICKS;
  return {
    rps: measure.rps,
    p50: measure.latency.p50,
    p95: measure.latency.p95,
    errors: measure.errors + measure.non2xx,
    cpu,
    /** Cores our processes kept busy, and the whole machine (the difference is other work on it). */
    coresBusy: round(busy / measure.seconds, 2),
    machineCoresBusy: round(machineBusy / measure.seconds, 2),
    cpuMsPerRequest: round((((cpu["app A"] ?? 0) + (cpu["app B"] ?? 0)) * 1000) / Math.max(1, measure.rps * measure.seconds), 1),
  };
}

async function publicThroughput(cluster: Cluster) {
  const [a, b] = cluster.apps;
  const one = await startBalancerProcess(PORTS.one, [a!.port]);
  const two = await startBalancerProcess(PORTS.two, [a!.port, b!.port]);
  try {
    // Warm both servers (first renders compile and fill the snapshot cache).
    for (const port of [PORTS.two, PORTS.two, PORTS.one]) await load(`http://127.0.0.1:${port}${PUBLIC_PAGE}`, { connections: 8, seconds: 3 });
    log(`一台应用服务器：${CONNECTIONS} 个连接，${SECONDS} 秒`);
    const single = await loadWithCpu(`http://127.0.0.1:${PORTS.one}${PUBLIC_PAGE}`, { "app A": a!.pid, balancer: one.pid });
    log(`两台应用服务器：${CONNECTIONS} 个连接，${SECONDS} 秒`);
    const double = await loadWithCpu(`http://127.0.0.1:${PORTS.two}${PUBLIC_PAGE}`, { "app A": a!.pid, "app B": b!.pid, balancer: two.pid });
    return { single, double, ratio: round(double.rps / single.rps, 2) };
  } finally {
    one.kill("SIGTERM");
    two.kill("SIGTERM");
  }
}

async function replicaLagUnderSaves(cluster: Cluster) {
  const db = createDb(cluster.db.primaryUrl);
  const primary = new pg.Client({ connectionString: cluster.db.primaryUrl });
  const replica = new pg.Client({ connectionString: cluster.db.replicaUrl });
  await primary.connect();
  await replica.connect();
  try {
    const budget = await db.budget.findFirstOrThrow({ where: { year: 2023, department: { code: "134" } } });
    const base = SECTIONS.narrative.pick(budgetToPackage((await loadBudgetById(db, budget.id, {}))!, { unit: "元" }));
    const saveId = cluster.actionId("lib/actions/budget/save-section.ts", "saveSectionAction");
    const savers = await Promise.all(
      Array.from({ length: SAVERS }, async (_, i) => {
        const c = new HttpClient(PORTS.balancer, `127.0.0.${20 + i}`);
        const r = await c.signIn("accountant.134", "mingzhang-demo");
        if (!r.ok) throw new Error(`登录失败：${r.error}`);
        return c;
      }),
    );
    const samples: { at: number; lsn: bigint }[] = [];
    const lags: number[] = [];
    const replayLag: number[] = [];
    let saving = true;
    let saved = 0;
    let conflicts = 0;
    let version = budget.version;
    const sampler = (async () => {
      for (let i = 0; i < 20_000 && saving; i++) {
        const p = await primary.query<{ lsn: string; replay_ms: number | null }>(
          `select pg_current_wal_lsn()::text as lsn, (select extract(epoch from max(replay_lag)) * 1000 from pg_stat_replication)::float8 as replay_ms`,
        );
        const now = Date.now();
        samples.push({ at: now, lsn: parseLsn(p.rows[0]!.lsn)! });
        if (p.rows[0]!.replay_ms !== null) replayLag.push(p.rows[0]!.replay_ms);
        const r = await replica.query<{ lsn: string }>("select pg_last_wal_replay_lsn()::text as lsn");
        const replayed = parseLsn(r.rows[0]!.lsn)!;
        while (samples.length > 0 && samples[0]!.lsn <= replayed) samples.shift();
        lags.push(lagFromSamples(samples, replayed, Date.now()));
        await new Promise((res) => setTimeout(res, 50));
      }
    })();
    const started = Date.now();
    await Promise.all(
      savers.map(async (c, n) => {
        for (let i = 0; i < 100_000 && Date.now() - started < SAVE_SECONDS * 1000; i++) {
          const values = { narrative: { ...base.narrative, incomeChange: `压测 ${n}-${i}` } };
          const res = await c.action<{ ok: boolean; version?: number; currentVersion?: number }>(saveId, `/workspace/budgets/${budget.id}`, [
            { budgetId: budget.id, expectedVersion: version, section: "narrative", values },
          ]);
          if (res.result?.ok) {
            saved += 1;
            version = Math.max(version, res.result.version!);
          } else if (res.result?.currentVersion !== undefined) {
            conflicts += 1;
            version = Math.max(version, res.result.currentVersion);
          } else throw new Error(`保存失败：HTTP ${res.status} ${res.text.slice(0, 200)}`);
        }
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    saving = false;
    await sampler;
    const wal = await primary.query<{ bytes: string }>("select pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::text as bytes");
    return {
      savesPerSecond: round(saved / seconds, 1),
      saved,
      conflicts,
      lagMs: summarize(lags),
      pgReplayLagMs: replayLag.length ? summarize(replayLag) : null,
      walPositionBytes: wal.rows[0]!.bytes,
    };
  } finally {
    await primary.end();
    await replica.end();
    await db.$disconnect();
  }
}

async function main() {
  const watchdog = setTimeout(() => {
    log("超过 15 分钟，终止");
    process.exit(2);
  }, 15 * 60_000);
  watchdog.unref();
  const dir = mkdtempSync(path.join(os.tmpdir(), "mingzhang-bench-cluster-"));
  let cluster: Cluster | undefined;
  const stop = async () => {
    await cluster?.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  };
  process.once("SIGINT", () => void stop().then(() => process.exit(130)));
  try {
    cluster = await startCluster({
      dir,
      primaryPort: PORTS.primary,
      replicaPort: PORTS.replica,
      appPorts: PORTS.apps,
      balancerPort: PORTS.balancer,
      log,
    });
    const throughput = await publicThroughput(cluster);
    const lag = await replicaLagUnderSaves(cluster);
    const result = {
      machine: { cores: os.cpus().length, load: os.loadavg().map((l) => round(l, 2)) },
      connections: CONNECTIONS,
      seconds: SECONDS,
      throughput,
      lag,
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench:cluster] 失败：${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
