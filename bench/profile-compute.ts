/**
 * `npx tsx bench/profile-compute.ts [--profile]`: the engine's compute alone, in process, no
 * database (not part of `npm run bench`). Scales the largest budget fixture up to 200 basic lines
 * and 10 projects (its function 项 × economic 款 of the catalogue, amounts with odd fen so every
 * atom rounds, income balanced per fund), then runs discloseBudget — tables, narrative and rules,
 * as every view does — RUNS times and prints wall p50/p95 and CPU ms per disclose
 * (process.cpuUsage, user + system), which a loaded machine inflates far less than wall time.
 * With --profile it takes a V8 CPU profile of the loop (bench/compute.cpuprofile) and prints the
 * functions with the most self time.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { Session, type Profiler } from "node:inspector";
import { loadavg } from "node:os";
import path from "node:path";
import Decimal from "decimal.js";
import { discloseBudget } from "@/lib/budget/disclose";
import type { BasicLine, Budget, Project } from "@/lib/budget/model";
import { parsePackageJson } from "@/lib/budget/package/schema";
import { packageToBudget } from "@/lib/budget/package/to-budget";
import { loadReferenceCatalog } from "@/lib/catalog/reference";
import { REPO_ROOT } from "@/lib/db/runtime";
import { round, summarize } from "./stats";

const RUNS = Number(process.env.PROFILE_RUNS ?? 500);
const BASIC_LINES = 200;
const PROJECTS = 10;

export function scaledBudget(): { budget: Budget; catalog: ReturnType<typeof loadReferenceCatalog> } {
  const text = readFileSync(path.join(REPO_ROOT, "test", "fixtures", "beibei-government-office-2024.package.json"), "utf8");
  const parsed = parsePackageJson(text);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join("; "));
  const base = packageToBudget(parsed.pkg);
  const catalog = loadReferenceCatalog(base.year);
  const functions = [...new Set(base.basicExpenditure.map((l) => l.function))];
  const economics = [...catalog.economics.values()]
    .filter((e) => e.level === 2 && (e.code.startsWith("301") || e.code.startsWith("302") || e.code.startsWith("303")))
    .map((e) => e.code);
  const basic: BasicLine[] = [];
  for (let i = 0; basic.length < BASIC_LINES; i++) {
    const fn = functions[i % functions.length] as string;
    const ec = economics[Math.floor(i / functions.length) % economics.length] as string;
    // Odd fen: every atom rounds, as entered 元 budgets do.
    basic.push({
      function: fn,
      economic: ec,
      fund: i % 7 === 0 ? "operations" : "generalBudget",
      amount: new Decimal(12_345.67 + i * 1_001.37).toDecimalPlaces(2),
    });
  }
  const projects: Project[] = [];
  for (let i = 0; i < PROJECTS; i++) {
    const p = base.projects[i % base.projects.length] as Project;
    const amount = new Decimal(510_000.43 + i * 77_777.77).toDecimalPlaces(2);
    const own = amount.times(0.6).toDecimalPlaces(2);
    projects.push({ ...p, code: `${p.code.slice(0, -2)}${String(i).padStart(2, "0")}`, amount, ownArrangement: own, superiorSubsidy: amount.minus(own) });
  }
  const byFund = (fund: string) =>
    [...basic.filter((l) => l.fund === fund).map((l) => l.amount), ...projects.filter((p) => p.fund === fund).map((p) => p.amount)].reduce(
      (a, b) => a.plus(b),
      new Decimal(0),
    );
  const zero = new Decimal(0);
  const income = { ...base.income };
  for (const k of Object.keys(income) as (keyof typeof income)[]) if (k !== "carryover") income[k] = byFund(k) as never;
  income.carryover = { generalBudget: zero, governmentFund: zero, stateCapital: zero };
  return { budget: { ...base, basicExpenditure: basic, projects, income }, catalog };
}

function main() {
  const { budget, catalog } = scaledBudget();
  const wall: number[] = [];
  const cpu: number[] = [];
  const once = () => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    discloseBudget({ budget, catalog });
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  };
  const load0 = loadavg()[0] ?? 0;
  for (let i = 0; i < 50; i++) once();
  wall.length = 0;
  cpu.length = 0;
  const c0 = process.cpuUsage();
  for (let i = 0; i < RUNS; i++) once();
  const c = process.cpuUsage(c0);
  const w = summarize(wall);
  const p = summarize(cpu);
  process.stdout.write(
    `${budget.basicExpenditure.length} basic lines + ${budget.projects.length} projects, ${RUNS} runs, load average ${round(load0, 1)} → ${round(loadavg()[0] ?? 0, 1)}\n`,
  );
  process.stdout.write(`  wall  p50 ${w.p50} ms  p95 ${w.p95} ms\n`);
  process.stdout.write(`  CPU   p50 ${p.p50} ms  p95 ${p.p95} ms  mean ${round((c.user + c.system) / 1000 / RUNS)} ms per disclose\n`);
  if (process.argv.includes("--profile")) profile(once);
}

function profile(once: () => void) {
  const session = new Session();
  session.connect();
  const post = <T>(method: string, params?: object) => {
    let out: T | undefined;
    session.post(method, params ?? {}, (err, res) => {
      if (err) throw err;
      out = res as T;
    });
    return out as T;
  };
  post("Profiler.enable");
  post("Profiler.setSamplingInterval", { interval: 100 });
  post("Profiler.start");
  for (let i = 0; i < RUNS; i++) once();
  const { profile } = post<{ profile: Profiler.Profile }>("Profiler.stop");
  session.disconnect();
  const file = path.join(REPO_ROOT, "bench", "compute.cpuprofile");
  writeFileSync(file, JSON.stringify(profile));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const deltas = profile.timeDeltas ?? [];
  const self = new Map<string, number>();
  let total = 0;
  (profile.samples ?? []).forEach((id, i) => {
    const f = byId.get(id)!.callFrame;
    const where = f.url
      .replace(/^file:\/\//, "")
      .replace(`${REPO_ROOT}/`, "")
      .replace(/.*node_modules\//, "");
    const key = `${f.functionName || "(anonymous)"} ${where ? `${where}:${f.lineNumber + 1}` : ""}`.trim();
    const ms = (deltas[i] ?? 0) / 1000;
    total += ms;
    self.set(key, (self.get(key) ?? 0) + ms);
  });
  process.stdout.write(`\ntop self time (${round(total)} ms sampled, written to ${path.relative(process.cwd(), file)}):\n`);
  for (const [k, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
    process.stdout.write(`  ${`${round((ms / total) * 100, 1)} %`.padStart(7)}  ${k}\n`);
}

main();
