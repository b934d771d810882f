/**
 * The command line as a user runs it, whole processes (issue 17): `cli_check_s`, one `check` of
 * a package from `npm run -s budget` to exit, and `full_flow_s`, the whole flow of one package —
 * import, tables, narrative, check, PDF, Excel — as six processes one after the other. Each is
 * also timed through `node lib/cli/launch.cjs` directly: npm's own start-up (~0.3 s) is not ours.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { REPO_ROOT } from "@/lib/db/runtime";
import { nowMs, round, summarize, type Summary } from "./stats";

/** The fixture both measures use: a real 2024 department budget (test/fixtures). */
export const CLI_PACKAGE = path.join(REPO_ROOT, "test", "fixtures", "beibei-government-office-2024.package.json");

type Runner = "npm" | "node";
const COMMAND: Record<Runner, (args: string[]) => [string, string[]]> = {
  npm: (args) => ["npm", ["run", "-s", "budget", "--", ...args]],
  node: (args) => [process.execPath, [path.join(REPO_ROOT, "lib", "cli", "launch.cjs"), "budget", ...args]],
};

/** Seconds from spawning the process to its exit; a failed command fails the measure. */
function timeProcess(runner: Runner, args: string[], env: NodeJS.ProcessEnv, okCodes = [0]): number {
  const [command, argv] = COMMAND[runner](args);
  const t0 = nowMs();
  const result = spawnSync(command, argv, { cwd: REPO_ROOT, env, encoding: "utf8", maxBuffer: 64 * 2 ** 20 });
  const seconds = (nowMs() - t0) / 1000;
  if (result.status === null || !okCodes.includes(result.status)) {
    throw new Error(`${command} ${argv.join(" ")} exited with ${result.status}: ${result.stderr.slice(0, 500)}`);
  }
  return seconds;
}

export interface CliMeasure {
  /** `npm run -s budget -- …`, s. */
  npm: Summary;
  /** `node lib/cli/launch.cjs budget …`, s. */
  node: Summary;
}

const secondsSummary = (samples: number[]) => summarize(samples.map((s) => round(s, 3)));

/** A first run (unrecorded) builds the bundle if needed and writes V8's code cache. */
function warmUp(env: NodeJS.ProcessEnv) {
  timeProcess("node", ["check", CLI_PACKAGE], env, [0, 1]);
}

/**
 * The environment a measure runs in: this machine's as it is, or the same without
 * NODE_EXTRA_CA_CERTS. Node 20 reads and parses that file (here the system's whole CA bundle)
 * when it starts, in npm's process and in ours, before any code of either runs.
 */
export type CliEnv = "machine" | "noExtraCa";

/** The variable as this machine sets it (undefined when unset: both environments are then the same). */
export const EXTRA_CA_CERTS = process.env.NODE_EXTRA_CA_CERTS;

function cliEnv(which: CliEnv, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  if (which === "noExtraCa") delete env.NODE_EXTRA_CA_CERTS;
  return env;
}

/** Seconds of one bare start of node (`node -e 0`) and of npm (`npm -v`), p50 of `runs` each. */
export function measureStarts(which: CliEnv, runs = 7): { node: number; npm: number } {
  const env = cliEnv(which);
  const time = (command: string, argv: string[]) => {
    const t0 = nowMs();
    const result = spawnSync(command, argv, { env, encoding: "utf8" });
    if (result.status !== 0) throw new Error(`${command} ${argv.join(" ")} exited with ${result.status}: ${result.stderr.slice(0, 300)}`);
    return (nowMs() - t0) / 1000;
  };
  const node: number[] = [];
  const npm: number[] = [];
  for (let i = 0; i < runs; i++) {
    node.push(time(process.execPath, ["-e", "0"]));
    npm.push(time("npm", ["-v"]));
  }
  return { node: secondsSummary(node).p50, npm: secondsSummary(npm).p50 };
}

/** `budget check <package>`, `runs` times per runner (exit 1 = findings with errors, still a run). */
export function measureCliCheck(runs = 7, which: CliEnv = "machine"): CliMeasure {
  const env = cliEnv(which);
  warmUp(env);
  const samples: Record<Runner, number[]> = { npm: [], node: [] };
  // Interleaved, so that a burst of load on a shared machine hits both alike.
  for (let i = 0; i < runs; i++) {
    for (const runner of ["npm", "node"] as const) samples[runner].push(timeProcess(runner, ["check", CLI_PACKAGE], env, [0, 1]));
  }
  return { npm: secondsSummary(samples.npm), node: secondsSummary(samples.node) };
}

export interface FlowMeasure extends CliMeasure {
  /** p50 of each step through npm, s. */
  steps: Record<string, number>;
}

/**
 * The full flow of one package against the database at `databaseUrl`, `runs` times per runner:
 * import (replacing the previous run's), tables, narrative, check, PDF and Excel, each its own
 * process; a run's figure is the sum of its six.
 */
export function measureFullFlow(databaseUrl: string, runs = 3, which: CliEnv = "machine"): FlowMeasure {
  const env = cliEnv(which, { DATABASE_URL: databaseUrl });
  const out = mkdtempSync(path.join(os.tmpdir(), "mingzhang-flow-"));
  // Not the fixture's own department (104): in the full suite the database holds the demo, whose
  // 104 budget of 2024 is published and so (rightly) refuses to be replaced.
  const pkg = path.join(out, `${DISTRICT_REGION}-${FLOW_UNIT}-${DISTRICT_YEAR}.json`);
  writeFileSync(pkg, JSON.stringify(readdressedPackage(FLOW_UNIT, `基准流程单位${FLOW_UNIT}`)));
  const steps: [string, string[], number[]][] = [
    ["import", ["import", pkg, "--replace"], [0]],
    ["tables", ["tables", pkg], [0]],
    ["narrative", ["narrative", pkg], [0]],
    ["check", ["check", pkg], [0, 1]],
    ["pdf", ["disclosure", pkg, "--out", path.join(out, "budget.pdf")], [0]],
    ["xlsx", ["disclosure", pkg, "--out", path.join(out, "budget.xlsx")], [0]],
  ];
  try {
    warmUp(env);
    const totals: Record<Runner, number[]> = { npm: [], node: [] };
    const perStep: Record<string, number[]> = {};
    for (let i = 0; i < runs; i++) {
      for (const runner of ["npm", "node"] as const) {
        let total = 0;
        for (const [name, args, ok] of steps) {
          const s = timeProcess(runner, args, env, ok);
          total += s;
          if (runner === "npm") (perStep[name] ??= []).push(s);
        }
        totals[runner].push(total);
      }
    }
    const steps50 = Object.fromEntries(Object.entries(perStep).map(([name, s]) => [name, secondsSummary(s).p50]));
    return { npm: secondsSummary(totals.npm), node: secondsSummary(totals.node), steps: steps50 };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

interface FixturePackage {
  region: { code: string };
  year: number;
  unit: { code: string; name: string; subUnits?: { code: string; name: string }[] };
  basicExpenditure?: { subUnit?: string }[];
  projects?: { subUnit?: string }[];
}

const readFixture = () => JSON.parse(readFileSync(CLI_PACKAGE, "utf8")) as FixturePackage;

/**
 * The fixture as the budget of another department of its district, `code` (sub-unit `<code>001`):
 * the lines and projects of the fixture's one sub-unit move to the new one.
 */
function readdressedPackage(code: string, name: string): FixturePackage {
  const source = readFixture();
  const oldSub = source.unit.subUnits?.[0]?.code;
  const sub = `${code}001`;
  const move = <T extends { subUnit?: string }>(list: T[] | undefined) => (list ?? []).map((x) => (x.subUnit === oldSub ? { ...x, subUnit: sub } : x));
  return {
    ...source,
    unit: { ...source.unit, code, name, subUnits: [{ code: sub, name: `${name}（本级）` }] },
    basicExpenditure: move(source.basicExpenditure),
    projects: move(source.projects),
  };
}

/** The department code the full flow imports into: neither the demo's (104, 111, 134) nor the district's. */
export const FLOW_UNIT = "199";

/** The district the fixture belongs to (重庆市北碚区) and its year: what measureDistrictImport imports. */
export const DISTRICT_REGION = "500109";
export const DISTRICT_YEAR = 2024;
/** The department codes measureDistrictImport gives its packages. */
export const DISTRICT_UNITS = Array.from({ length: 100 }, (_, i) => String(201 + i));

export interface DistrictImportMeasure {
  /** Seconds of the one `npm run -s budget -- import <folder>` process. */
  seconds: number;
  packages: number;
  /** Progress lines the command printed ("[37/100] …：已导入预算（编号 …）"). */
  progressLines: number;
  /** Basic lines and projects per package. */
  basicLines: number;
  projects: number;
}

/**
 * `district_import_s`: a district's hundred department budgets imported as one user would, one
 * `npm run -s budget -- import <folder>` process (each package its own transaction, a progress
 * line each). The packages are the real 2024 fixture re-addressed to 100 departments of one
 * district (the catalogue the benchmark database has), written to a folder first.
 */
export function measureDistrictImport(databaseUrl: string): DistrictImportMeasure {
  const packages = DISTRICT_UNITS.length;
  const env = { ...process.env, DATABASE_URL: databaseUrl };
  const dir = mkdtempSync(path.join(os.tmpdir(), "mingzhang-district-"));
  const source = readFixture();
  try {
    for (const code of DISTRICT_UNITS) {
      writeFileSync(path.join(dir, `${source.region.code}-${code}-${source.year}.json`), JSON.stringify(readdressedPackage(code, `基准区县单位${code}`)));
    }
    const [command, argv] = COMMAND.npm(["import", dir, "--replace"]);
    const t0 = nowMs();
    const result = spawnSync(command, argv, { cwd: REPO_ROOT, env, encoding: "utf8", maxBuffer: 64 * 2 ** 20 });
    const seconds = (nowMs() - t0) / 1000;
    if (result.status !== 0) throw new Error(`district import exited with ${result.status}: ${result.stderr.slice(0, 800)}`);
    const progressLines = result.stdout.split("\n").filter((l) => /^\[\d+\/\d+\] .*已(导入|替换)预算/.test(l)).length;
    if (progressLines !== packages) throw new Error(`district import printed ${progressLines} progress lines for ${packages} packages`);
    return { seconds: round(seconds, 3), packages, progressLines, basicLines: source.basicExpenditure?.length ?? 0, projects: source.projects?.length ?? 0 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
