/**
 * `npx tsx bench/profile-save.ts`: where one 200-line basic section save's time goes — saves one
 * after another (no concurrency) on a province of BENCH_DISTRICTS (default 4) districts, with a
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
    const draft = await db.budget.findFirstOrThrow({
      where: { year, status: "DRAFT", department: { region: { code: regionCode(3) } } },
      select: { id: true, departmentId: true },
    });
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const codes = await catalogCodes(client, year).finally(() => client.end());
    const editor = { user: await createAccountant(db, draft.departmentId), budgetId: draft.id };
    session.connect();
    const post = <T>(method: string, params?: object) =>
      new Promise<T>((resolve, reject) => session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res as T))));
    await post("Profiler.enable");
    await post("Profiler.setSamplingInterval", { interval: 100 });
    await post("Profiler.start");
    const save = await measureSave(db, [editor], codes, { lines: 200, rounds: 20, budgetMs: 60_000 });
    const { profile } = await post<{ profile: Profiler.Profile }>("Profiler.stop");
    process.stdout.write(
      `alone: ${JSON.stringify(save.alone)}; CPU alone: ${JSON.stringify(save.aloneCpu)}; one after another: ${JSON.stringify(save.concurrent)}\n`,
    );
    writeFileSync(path.join(REPO_ROOT, "bench", "save.cpuprofile"), JSON.stringify(profile));
    report(profile, 31);
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
