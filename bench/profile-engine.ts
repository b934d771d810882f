/**
 * `npx tsx bench/profile-engine.ts`: where (1)'s time goes (not part of `npm run bench`). On a
 * small province whose budgets have 200 basic lines (bench/generate-province.ts), it times one
 * budget's read (loadForEngine) and its tables + narrative + rules as measure (1) does, then
 * takes a V8 CPU profile of the same loop — the profiler `node --cpu-prof` uses, started through
 * node:inspector around the loop only, so that the database set-up and province load stay out
 * of it — writes it to bench/engine.cpuprofile (open it in Chrome DevTools) and prints the
 * functions with the most self time, and how much of it is the read and how much the engine.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { Session, type Profiler } from "node:inspector";
import path from "node:path";
import { discloseBudget } from "@/lib/budget/disclose";
import { createDb } from "@/lib/db/connect";
import { loadForEngine } from "@/lib/db/budgets/load-for-engine";
import { prepareDatabase } from "@/lib/db/prepare";
import { REPO_ROOT } from "@/lib/db/runtime";
import { openBenchDatabase } from "./database";
import { PROVINCE } from "./generate-province";
import { loadProvince } from "./load-province";
import { nowMs, progress, round, summarize } from "./stats";

const SHAPE = { ...PROVINCE, districts: 1, departments: 20, basicLines: 200 };
const RUNS = Number(process.env.PROFILE_RUNS ?? 300);

async function main() {
  const database = await openBenchDatabase();
  const db = createDb(database.url);
  const session = new Session();
  try {
    await prepareDatabase(database.url, { demo: false });
    progress(`loading ${SHAPE.departments} departments × ${SHAPE.years.length} years, ${SHAPE.basicLines} basic lines and ${SHAPE.projects} projects each …`);
    const province = await loadProvince(database.url, SHAPE);
    const budgetId = province.budgetId(1, 10, SHAPE.years[1] as number);
    const load: number[] = [];
    const compute: number[] = [];
    let readCpu = 0;
    let lines = 0;
    const once = async () => {
      const c0 = process.cpuUsage();
      const t0 = nowMs();
      const input = await loadForEngine(db, budgetId, {});
      if (!input) throw new Error(`budget ${budgetId} not found`);
      const t1 = nowMs();
      const c1 = process.cpuUsage(c0);
      readCpu += (c1.user + c1.system) / 1000;
      discloseBudget(input);
      load.push(t1 - t0);
      compute.push(nowMs() - t1);
      lines = input.budget.basicExpenditure.length + input.budget.projects.length;
    };
    for (let i = 0; i < 20; i++) await once();
    load.length = 0;
    compute.length = 0;
    readCpu = 0;
    // The embedded server's CPU over the loop (its processes' /proc times), when it runs here:
    // a read's server time is what the load average inflates least after the process's own.
    const server = serverCpuMs(database.url);
    const s0 = server?.();
    for (let i = 0; i < RUNS; i++) await once();
    const serverMs = s0 === undefined ? undefined : server!() - s0;
    const l = summarize(load);
    const c = summarize(compute);
    process.stdout.write(`\nbudget ${budgetId}: ${lines} lines, ${RUNS} runs\n`);
    process.stdout.write(`  read (loadForEngine)              p50 ${l.p50} ms  p95 ${l.p95} ms\n`);
    process.stdout.write(`    CPU per read: this process ${round(readCpu / RUNS, 2)} ms`);
    process.stdout.write(serverMs === undefined ? `\n` : `, PostgreSQL ${round(serverMs / RUNS, 2)} ms (whole server, 10 ms ticks)\n`);
    process.stdout.write(`  tables + narrative + rules        p50 ${c.p50} ms  p95 ${c.p95} ms\n`);

    session.connect();
    const post = <T>(method: string, params?: object) =>
      new Promise<T>((resolve, reject) => session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res as T))));
    await post("Profiler.enable");
    await post("Profiler.setSamplingInterval", { interval: 100 });
    await post("Profiler.start");
    for (let i = 0; i < RUNS; i++) await once();
    const { profile } = await post<{ profile: Profiler.Profile }>("Profiler.stop");
    const file = path.join(REPO_ROOT, "bench", "engine.cpuprofile");
    writeFileSync(file, JSON.stringify(profile));
    report(profile);
    process.stdout.write(`\nprofile written to ${path.relative(process.cwd(), file)}\n`);
  } finally {
    session.disconnect();
    await db.$disconnect();
    await database.stop();
  }
}

/**
 * CPU time (ms) of every process of the embedded PostgreSQL listening on `url`'s port, read from
 * /proc; undefined when that server is not a local one this process can see.
 */
function serverCpuMs(url: string): (() => number) | undefined {
  try {
    const port = new URL(url).port;
    const stat = (pid: string) =>
      readFileSync(`/proc/${pid}/stat`, "utf8")
        .replace(/^.*\) /, "")
        .split(" ");
    const cmdline = (pid: string) => readFileSync(`/proc/${pid}/cmdline`, "utf8");
    // The postmaster: a postgres process started with this port; its children are the backends.
    const postmaster = readdirSync("/proc").find((p) => /^\d+$/.test(p) && /postgres/.test(cmdline(p)) && cmdline(p).split("\0").includes(port));
    if (!postmaster) return undefined;
    const ticks = 1000 / 100; // USER_HZ is 100 on Linux
    return () => {
      let t = 0;
      for (const p of readdirSync("/proc")) {
        if (!/^\d+$/.test(p)) continue;
        try {
          const s = stat(p);
          if (p === postmaster || s[1] === postmaster) t += Number(s[11]) + Number(s[12]);
        } catch {
          // A backend that ended between the listing and the read.
        }
      }
      return t * ticks;
    };
  } catch {
    return undefined;
  }
}

/** Self time per function, and per part of the code: the read, the engine, Prisma/pg, idle. */
function report(profile: Profiler.Profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const deltas = profile.timeDeltas ?? [];
  const self = new Map<number, number>();
  (profile.samples ?? []).forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (deltas[i] ?? 0) / 1000));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const fn = new Map<string, number>();
  const area = new Map<string, number>();
  for (const [id, ms] of self) {
    const f = byId.get(id)!.callFrame;
    const where = f.url.replace(/^file:\/\//, "").replace(`${REPO_ROOT}/`, "");
    const key = `${f.functionName || "(anonymous)"} ${where ? `${where}:${f.lineNumber + 1}` : ""}`.trim();
    fn.set(key, (fn.get(key) ?? 0) + ms);
    const part =
      f.functionName === "(idle)" || f.functionName === "(program)" || f.functionName === "(garbage collector)"
        ? f.functionName
        : where.startsWith("lib/budget") || where.includes("decimal.js")
          ? "engine (lib/budget, decimal.js)"
          : where.startsWith("lib/db") || where.startsWith("generated/")
            ? "read: lib/db + generated client"
            : where.includes("node_modules/@prisma") || where.includes("node_modules/pg")
              ? "read: Prisma runtime + pg driver"
              : "other (node internals, JSON, …)";
    area.set(part, (area.get(part) ?? 0) + ms);
  }
  const pct = (ms: number) => `${round((ms / total) * 100, 1)} %`.padStart(7);
  process.stdout.write(`\nself time by part (${round(total)} ms sampled):\n`);
  for (const [k, ms] of [...area].sort((a, b) => b[1] - a[1])) process.stdout.write(`  ${pct(ms)}  ${k}\n`);
  process.stdout.write(`\ntop self time:\n`);
  for (const [k, ms] of [...fn].sort((a, b) => b[1] - a[1]).slice(0, 20)) process.stdout.write(`  ${pct(ms)}  ${k}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`profile failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
