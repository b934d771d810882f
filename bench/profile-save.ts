/**
 * `npx tsx bench/profile-save.ts`: where one 200-line basic section save's time goes — saves one
 * after another, or PROFILE_EDITORS at once (20: measure (5)), PROFILE_ROUNDS times (default 20),
 * on a province of BENCH_DISTRICTS (default 4) districts, with a
 * V8 CPU profile (node:inspector, around the loop only) summed by part of the code, written to
 * bench/save.cpuprofile.
 */
import { writeFileSync } from "node:fs";
import { Session, type Profiler } from "node:inspector";
import path from "node:path";
import pg from "pg";
import { createDb } from "@/lib/db/connect";
import { prepareDatabase } from "@/lib/db/prepare";
import { REPO_ROOT } from "@/lib/db/runtime";
import { createAccountant } from "./bench-users";
import { openBenchDatabase } from "./database";
import { PROVINCE, regionCode } from "./generate-province";
import { catalogCodes, loadProvince } from "./load-province";
import { measureSave } from "./measure-save";
import { round } from "./stats";

async function main() {
  const database = await openBenchDatabase();
  const session = new Session();
  try {
    await prepareDatabase(database.url, { demo: true });
    const shape = { ...PROVINCE, districts: Number(process.env.BENCH_DISTRICTS ?? 4) };
    await loadProvince(database.url, shape);
    const db = createDb(database.url);
    const year = shape.years[shape.years.length - 1] as number;
    // PROFILE_EDITORS=20: the saves of 20 editors at once, as measure (5) runs them.
    const count = Number(process.env.PROFILE_EDITORS ?? 1);
    const drafts = await db.budget.findMany({
      where: { year, status: "DRAFT", department: { region: { code: { in: [regionCode(3), regionCode(4)] } } } },
      select: { id: true, departmentId: true },
      orderBy: { id: "asc" },
      take: count,
    });
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const codes = await catalogCodes(client, year).finally(() => client.end());
    const editors = [];
    for (const d of drafts) editors.push({ user: await createAccountant(db, d.departmentId), budgetId: d.id });
    session.connect();
    const post = <T>(method: string, params?: object) =>
      new Promise<T>((resolve, reject) => session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res as T))));
    await post("Profiler.enable");
    await post("Profiler.setSamplingInterval", { interval: 100 });
    await post("Profiler.start");
    const rounds = Number(process.env.PROFILE_ROUNDS ?? 20);
    const save = await measureSave(db, editors, codes, { lines: 200, rounds, budgetMs: 120_000 });
    const { profile } = await post<{ profile: Profiler.Profile }>("Profiler.stop");
    process.stdout.write(
      `alone: ${JSON.stringify(save.alone)}; CPU alone: ${JSON.stringify(save.aloneCpu)}; ${editors.length} at once: ${JSON.stringify(save.concurrent)}, CPU per save ${save.loadCpuPerSave} ms\n`,
    );
    writeFileSync(path.join(REPO_ROOT, "bench", "save.cpuprofile"), JSON.stringify(profile));
    report(profile, 11 + rounds * editors.length);
    await db.$disconnect();
  } finally {
    session.disconnect();
    await database.stop();
  }
}

function report(profile: Profiler.Profile, saves: number) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const deltas = profile.timeDeltas ?? [];
  const self = new Map<number, number>();
  (profile.samples ?? []).forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (deltas[i] ?? 0) / 1000));
  const area = new Map<string, number>();
  const fn = new Map<string, number>();
  for (const [id, ms] of self) {
    const f = byId.get(id)!.callFrame;
    const where = f.url.replace(/^file:\/\//, "").replace(`${REPO_ROOT}/`, "");
    const part = ["(idle)", "(program)", "(garbage collector)"].includes(f.functionName)
      ? f.functionName
      : (/^(lib\/[a-z-]+|generated)/.exec(where)?.[0] ?? /node_modules\/(@[^/]+\/[^/]+|[^/]+)/.exec(where)?.[1] ?? "other");
    area.set(part, (area.get(part) ?? 0) + ms);
    const key = `${f.functionName || "(anonymous)"} ${where}:${f.lineNumber + 1}`;
    fn.set(key, (fn.get(key) ?? 0) + ms);
  }
  process.stdout.write(`\nself time per save by part (ms, ${saves} saves):\n`);
  for (const [k, ms] of [...area].sort((a, b) => b[1] - a[1]).slice(0, 15)) process.stdout.write(`  ${String(round(ms / saves, 1)).padStart(7)}  ${k}\n`);
  process.stdout.write(`\ntop functions (ms per save):\n`);
  for (const [k, ms] of [...fn].sort((a, b) => b[1] - a[1]).slice(0, 25)) process.stdout.write(`  ${String(round(ms / saves, 2)).padStart(7)}  ${k}\n`);
}

void main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(String(e instanceof Error ? e.stack : e) + "\n");
    process.exit(1);
  },
);
