/**
 * `npm run bench`: the performance suite of issue 8, end to end on a fresh clone.
 *
 *  A. The production server (lib/cli/e2e-server.cjs on port 3400, its own demo database and
 *     build folder .next-bench): built if needed, then a cold start timed to the first 200; the
 *     public page and a static file under 50 connections, RSS, client JS.
 *  B. A PostgreSQL of the suite's own, migrated and prepared with the demo data, then the
 *     synthetic province (40 districts × 100 departments × 3 years) loaded in batches.
 *  C. The database measures: one budget's tables/narrative/rules against the SQL floor, the
 *     district rollup, 20 concurrent savers, an import, the Excel export; the command line as
 *     whole processes (bench/measure-cli.ts; alone: `npm run bench:cli`).
 *
 * Every process it starts is stopped on the way out, also on failure or Ctrl-C; every step is
 * bounded in runs and time, and a watchdog ends the suite before 15 minutes.
 */
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { createDb, poolMax, type Db } from "@/lib/db/connect";
import { DEMO_PASSWORD } from "@/lib/db/demo";
import type { SessionUser } from "@/lib/auth/permissions";
import { prepareDatabase } from "@/lib/db/prepare";
import { REPO_ROOT } from "@/lib/db/runtime";
import { APP_PORT, ORIGIN, SERVER_LOG, nextServerPid, startAppServer, type AppServer } from "./app-server";
import { createAccountant, createCityReviewer, createReviewer } from "./bench-users";
import { openBenchDatabase, type BenchDatabase } from "./database";
import { PROVINCE, regionCode, type ProvinceShape } from "./generate-province";
import { catalogCodes, loadProvince, type LoadedProvince } from "./load-province";
import { measureEngine } from "./measure-engine";
import { measureFinalTables } from "./measure-final";
import { measurePdf, measureXlsx } from "./measure-exports";
import { measureImport } from "./measure-import";
import { measureCatalogImport } from "./measure-catalog-import";
import { measureXlsxImport } from "./measure-xlsx-import";
import { measureGrid } from "./measure-grid";
import { measurePublic } from "./measure-public";
import { addStagesAndCeilings, measureCity, measureRollup } from "./measure-rollup";
import { measureSave } from "./measure-save";
import { cliMeasures, publishMeasures } from "./measure-cli-report";
import { publishSnapshots } from "./publish-snapshots";
import { printTable, writeResults, type Measures } from "./report";
import { nowMs, progress, round } from "./stats";
import pg from "pg";

const PUBLIC_PAGE = "/b/500109/2024/104";
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 20);
// BENCH_ONLY=engine: the province and measures (1)/(2) alone (a few minutes, not fifteen), to
// see what a change to the engine or its read does; BENCH_ONLY=rollup,city,save,public (any of them,
// comma-separated) likewise for the dashboards (3), the concurrent save (5) and the public page with
// the production server (4)/(7). The results file
// is then bench/results-<names>.json and holds only those. BENCH_DISTRICTS=n loads a province of
// n districts (at least 4: the rollup reads district 2, the savers districts 3 and 4), to see how
// a figure grows with the province.
const ONLY = new Set((process.env.BENCH_ONLY ?? "").split(",").filter(Boolean));
for (const name of ONLY) if (!["engine", "rollup", "city", "save", "public"].includes(name)) throw new Error(`BENCH_ONLY: unknown measure ${name}`);
const wants = (name: string) => ONLY.size === 0 || ONLY.has(name);
const DISTRICTS = Number(process.env.BENCH_DISTRICTS ?? PROVINCE.districts);
if (!Number.isInteger(DISTRICTS) || DISTRICTS < 4) throw new Error("BENCH_DISTRICTS: a whole number of at least 4");
const WATCHDOG_MS = 14.5 * 60_000;
// The year whose district the reviewer rolls up (every department submitted or approved, last year approved).
const ROLLUP_YEAR = PROVINCE.years[1] as number;
const ROLLUP_DISTRICT = 2;
// How the figures grow with the province (issue 17 "Scale"): the whole suite measures (1)/(2), (3)
// and (5) first on the first 4 districts (1,200 budgets), then on the grown province; BENCH_SCALE=1
// asks it of a partial run, BENCH_SCALE=0 skips it.
const SMALL_DISTRICTS = 4;
const SCALE = DISTRICTS > SMALL_DISTRICTS && (process.env.BENCH_SCALE ?? (ONLY.size === 0 ? "1" : "0")) === "1";
/** The measures reported for the small province too, as `<key>_small`. */
const SCALED_KEYS = [
  "tables_p50_ms",
  "tables_p95_ms",
  "load_p50_ms",
  "read_all_sql_p95_ms",
  "tables_vs_rows_ratio",
  "rollup_p50_ms",
  "rollup_p95_ms",
  "rollup_unchanged_p95_ms",
  "rollup_cold_ms",
  "save_p50_ms",
  "save_p95_ms",
  "save_alone_p50_ms",
  "save_alone_cpu_ms",
];

const cleanups: (() => Promise<void>)[] = [];
let cleaning: Promise<void> | null = null;
async function cleanup() {
  cleaning ??= (async () => {
    for (const c of cleanups.splice(0).reverse()) await c().catch((e: unknown) => process.stderr.write(`cleanup: ${String(e)}\n`));
  })();
  return cleaning;
}

function commit(): string {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: REPO_ROOT }).toString().trim();
  } catch {
    return "unknown";
  }
}

/** A: everything that needs the production server. */
async function serverMeasures(measures: Measures, details: Record<string, unknown>) {
  progress(`starting the production server on ${ORIGIN} (builds .next-bench on the first run) …`);
  let server: AppServer = await startAppServer(8 * 60_000);
  cleanups.push(() => server.stop());
  // A start that built is no cold start: restart until one finds the build current. The first
  // `next build` into .next-bench adds its types folder to tsconfig.json, which is one of the
  // build's inputs, so a fresh clone needs a second build; sources edited meanwhile need another.
  for (let attempt = 1; server.built && attempt <= 3; attempt++) {
    progress(`built (${server.buildSeconds} s) and started in ${server.startSeconds} s; restarting for the cold start`);
    await server.stop();
    server = await startAppServer(4 * 60_000);
  }
  // Sources edited by others while the suite runs (a shared checkout) can make every start
  // rebuild; then the cold start is that start without its `next build`, and says so.
  measures.cold_start_s = server.built ? round(server.startSeconds - server.buildSeconds, 2) : server.startSeconds;
  details.coldStart = { seconds: measures.cold_start_s, rebuiltDuringRun: server.built, buildSeconds: server.buildSeconds };
  progress(
    `cold start: ${measures.cold_start_s} s to the first 200${server.built ? " (estimated: this start also rebuilt, its build time is subtracted)" : ""}`,
  );

  const pid = nextServerPid(server.pid);
  if (pid === null) progress("warning: next-server process not found; RSS not measured");
  progress(`public page ${PUBLIC_PAGE} and a static file: 50 connections × ${LOAD_SECONDS} s each …`);
  const pub = await measurePublic(ORIGIN, PUBLIC_PAGE, pid, LOAD_SECONDS);
  if (pub.page.requests === 0 || pub.staticFile.requests === 0) throw new Error(`the server stopped answering under load; its output is in ${SERVER_LOG}`);
  measures.public_page_p50_ms = pub.page.latency.p50;
  measures.public_page_p95_ms = pub.page.latency.p95;
  measures.public_page_max_ms = pub.page.latency.max;
  measures.public_rps = pub.page.rps;
  measures.static_p95_ms = pub.staticFile.latency.p95;
  measures.static_rps = pub.staticFile.rps;
  measures.public_vs_static_rps_ratio = pub.rpsRatio;
  measures.rss_mb = pub.rssMb;
  measures.public_js_kb_gz = pub.js.gzipKb;
  measures.public_page_plain_p95_ms = pub.pagePlain.latency.p95;
  measures.public_plain_rps = pub.pagePlain.rps;
  details.public = pub;
  progress(
    `page (a browser's Accept-Encoding) p95 ${pub.page.latency.p95} ms at ${pub.page.rps} req/s; static ${pub.staticFile.rps} req/s; RSS ${pub.rssMb} MB; JS ${pub.js.gzipKb} KB gz; asking for no encoding: p95 ${pub.pagePlain.latency.p95} ms at ${pub.pagePlain.rps} req/s`,
  );

  if (ONLY.size > 0) return server.stop();
  progress("(8) 500-line 基本支出 grid: keys typed at a normal pace in Chromium …");
  const grid = await measureGrid(ORIGIN, { username: "accountant.104", password: DEMO_PASSWORD, year: 2025 });
  if ("skipped" in grid) progress(`grid skipped: ${grid.skipped}`);
  else {
    measures.grid_500_key_p95_ms = grid.key.p95;
    measures.grid_500_key_p50_ms = grid.key.p50;
    measures.grid_500_key_max_ms = grid.key.max;
    measures.grid_500_key_cpu_ms = grid.cpuPerKeyMs;
    progress(
      `grid: a key takes p50 ${grid.key.p50} ms, p95 ${grid.key.p95} ms, slowest ${grid.key.max} ms, ${grid.cpuPerKeyMs} ms main-thread CPU (${grid.keys} keys)`,
    );
  }
  details.grid = grid;

  await server.stop();
}

/** B + C: the province and everything measured against it. */
async function databaseMeasures(measures: Measures, details: Record<string, unknown>) {
  progress("starting the benchmark PostgreSQL …");
  const database: BenchDatabase = await openBenchDatabase();
  cleanups.push(() => database.stop());
  progress(`${database.where}: migrating, catalogues, demo data …`);
  await prepareDatabase(database.url, { demo: true });

  const shape: ProvinceShape = { ...PROVINCE, districts: DISTRICTS };
  const db: Db = createDb(database.url);
  cleanups.push(() => db.$disconnect());
  const actors = new Actors(db);
  let province: LoadedProvince;
  if (SCALE) {
    // The same measures on the first SMALL_DISTRICTS districts, then on the whole province after
    // growing it in place: how each figure grows with the province, in one run on one machine state.
    const small = { ...shape, districts: SMALL_DISTRICTS };
    progress(`loading the first ${small.districts} districts of the province (${small.districts * small.departments * small.years.length} budgets) …`);
    province = await loadProvince(database.url, small);
    const smallMeasures: Measures = {};
    await provinceMeasures(db, database.url, province, small, actors, smallMeasures, (details.small = {}) as Record<string, unknown>);
    for (const key of SCALED_KEYS) if (smallMeasures[key] !== undefined) measures[`${key}_small`] = smallMeasures[key];
    measures.province_small_budgets = province.budgets;
    progress(`growing the province to ${shape.districts} districts …`);
    province = await loadProvince(database.url, { ...shape, firstDistrict: SMALL_DISTRICTS + 1 }, province);
    // The rollup's first read is timed as after a bulk load: every row of the district computed,
    // last year's 上年 figures too.
    await db.dashboardRow.deleteMany({});
    await db.priorFigures.deleteMany({});
  } else {
    progress(`loading the synthetic province: ${shape.districts} districts × ${shape.departments} departments × ${shape.years.length} years …`);
    province = await loadProvince(database.url, shape);
  }
  measures.load_province_s = province.seconds;
  measures.province_budgets = province.budgets;
  details.province = { budgets: province.budgets, basicLines: province.basicLines, projects: province.projects, seconds: province.seconds };
  progress(`loaded ${province.budgets} budgets, ${province.basicLines} basic lines, ${province.projects} projects`);

  if (ONLY.size === 0) {
    const published = Array.from({ length: shape.departments }, (_, i) => province.budgetId(1, i + 1, ROLLUP_YEAR));
    progress(`freezing ${published.length} published snapshots (district 1, ${ROLLUP_YEAR}) …`);
    const snapshots = await publishSnapshots(db, published);
    measures.snapshot_p50_ms = snapshots.p50;
    details.snapshots = snapshots;
  }

  await provinceMeasures(db, database.url, province, shape, actors, measures, details);
  if (wants("city")) {
    const regionIds = Array.from({ length: shape.districts }, (_, i) => province.regionId(i + 1));
    const cityReviewer = await createCityReviewer(db, regionIds);
    progress(`(3b) the city overview: ${shape.districts} districts × ${shape.departments} departments, ${ROLLUP_YEAR} (one budget changed before each run) …`);
    const city = await measureCity(db, cityReviewer, ROLLUP_YEAR);
    measures.city_dashboard_ms = city.total.p95;
    measures.city_dashboard_p50_ms = city.total.p50;
    measures.city_dashboard_cold_ms = city.coldMs;
    details.city = city;
    progress(
      `city p95 ${city.total.p95} ms (p50 ${city.total.p50}) over ${city.total.runs} runs (${city.districts} districts, ${city.departments} departments, ${city.reported} budgets seen); first ${city.coldMs} ms`,
    );
  }
  if (ONLY.size > 0) return;
  progress("(6) import one package, Excel and PDF of one budget …");
  const engineBudget = province.budgetId(ROLLUP_DISTRICT, 50, ROLLUP_YEAR);
  const imported = await measureImport(db, province.budgetId(5, 1, ROLLUP_YEAR), 20);
  measures.import_ms = imported.total.p50;
  measures.import_p95_ms = imported.total.p95;
  measures.import_max_ms = imported.total.max;
  details.import = imported;
  const xlsx = await measureXlsx(db, engineBudget);
  measures.xlsx_ms = xlsx.total.p50;
  measures.xlsx_p95_ms = xlsx.total.p95;
  measures.xlsx_max_ms = xlsx.total.max;
  details.xlsx = xlsx;
  const pdf = await measurePdf(db, engineBudget);
  measures.pdf_ms = pdf.total.p50;
  measures.pdf_max_ms = pdf.total.max;
  measures.pdf_first_ms = round(pdf.first, 1);
  details.pdf = pdf;
  progress(
    `import p50 ${imported.total.p50} ms (${imported.packageKb} KB, ${imported.failures} failures); Excel p50 ${xlsx.total.p50} ms; PDF p50 ${pdf.total.p50} ms (first ${Math.round(pdf.first)} ms, ${Math.round(pdf.bytes / 1024)} KB)`,
  );

  progress("(6b) an administrator imports a 2,000-row catalogue (CSV and Excel) …");
  const catalogImport = await measureCatalogImport(db, 3);
  measures.catalog_import_csv_ms = catalogImport.csv.import.p50;
  measures.catalog_import_xlsx_ms = catalogImport.xlsx.import.p50;
  details.catalogImport = catalogImport;
  progress(`catalogue import of ${catalogImport.rows} rows: CSV p50 ${catalogImport.csv.import.p50} ms, Excel p50 ${catalogImport.xlsx.import.p50} ms`);

  progress("(6c) an accountant's entry workbook of 500 lines is read and validated …");
  const xlsxImport = await measureXlsxImport(10);
  measures.xlsx_import_ms = xlsxImport.read.p50;
  measures.xlsx_import_max_ms = xlsxImport.read.max;
  details.xlsxImport = xlsxImport;
  progress(`entry workbook (${xlsxImport.lines} lines, ${xlsxImport.kb} KB): read and validated p50 ${xlsxImport.read.p50} ms`);

  cliMeasures(database.url, measures, details);
  await publishMeasures(database.url, measures, details);
}

/**
 * The measures that depend on the size of the province: (1)/(2) one budget, (3) the district
 * rollup, (5) the concurrent save. Run once per province size; the actors are made once.
 */
async function provinceMeasures(
  db: Db,
  url: string,
  province: LoadedProvince,
  shape: ProvinceShape,
  actors: Actors,
  measures: Measures,
  details: Record<string, unknown>,
) {
  progress(`— measures on ${province.budgets} budgets —`);
  if (wants("engine")) await engineMeasures(db, url, province.budgetId(ROLLUP_DISTRICT, 50, ROLLUP_YEAR), measures, details);
  if (wants("rollup")) {
    const region = regionCode(ROLLUP_DISTRICT);
    const reviewer = await actors.rollupReviewer(province.regionId(ROLLUP_DISTRICT), region);
    progress(`(3) district rollup of region ${region}, ${ROLLUP_YEAR}, with review stages and 控制数 (one budget changed before each run) …`);
    const rollup = await measureRollup(db, reviewer, region, ROLLUP_YEAR);
    measures.rollup_p50_ms = rollup.total.p50;
    measures.rollup_p95_ms = rollup.total.p95;
    measures.rollup_max_ms = rollup.total.max;
    measures.rollup_cold_ms = rollup.coldMs;
    measures.rollup_unchanged_p95_ms = rollup.unchanged.p95;
    details.rollup = rollup;
    progress(
      `rollup p95 ${rollup.total.p95} ms (p50 ${rollup.total.p50}) over ${rollup.total.runs} runs (${rollup.departments} departments); first ${rollup.coldMs} ms, nothing changed p95 ${rollup.unchanged.p95} ms`,
    );
  }
  if (wants("save")) await saveMeasures(db, url, shape, actors, measures, details);
}

/** The users the measures act as, made once however many times the measures run. */
class Actors {
  private reviewer?: Promise<SessionUser>;
  private editorList?: Promise<{ user: SessionUser; budgetId: number }[]>;
  constructor(private readonly db: Db) {}

  /** The district's reviewer, on the first of the two review stages the district is given. */
  rollupReviewer(regionId: number, region: string): Promise<SessionUser> {
    this.reviewer ??= createReviewer(this.db, regionId, region).then((r) => addStagesAndCeilings(this.db, r, regionId, ROLLUP_YEAR));
    return this.reviewer;
  }

  /** 20 accountants of 20 departments whose budget of the year being prepared is still a draft. */
  editors(year: number): Promise<{ user: SessionUser; budgetId: number }[]> {
    this.editorList ??= (async () => {
      const drafts = await this.db.budget.findMany({
        where: { year, status: "DRAFT", department: { region: { code: { in: [regionCode(3), regionCode(4)] } } } },
        select: { id: true, departmentId: true },
        orderBy: { id: "asc" },
        take: 20,
      });
      const list = [];
      for (const d of drafts) list.push({ user: await createAccountant(this.db, d.departmentId), budgetId: d.id });
      return list;
    })();
    return this.editorList;
  }
}

/** (1)/(2): one budget's tables, narrative and rules against reading its rows in one statement. */
async function engineMeasures(db: Db, url: string, engineBudget: number, measures: Measures, details: Record<string, unknown>) {
  progress(`(1)(2) tables + narrative + rules of budget ${engineBudget} vs reading its rows in one SQL statement …`);
  const engine = await measureEngine(db, url, engineBudget);
  measures.tables_p50_ms = engine.total.p50;
  measures.tables_p95_ms = engine.total.p95;
  measures.tables_max_ms = engine.total.max;
  measures.sql_p50_ms = engine.sql.p50;
  measures.sql_p95_ms = engine.sql.p95;
  measures.tables_vs_rows_ratio = engine.rowsRatioP95;
  measures.tables_vs_rows_ratio_alternating = engine.alternatingRowsRatioP95;
  measures.tables_alternating_p95_ms = engine.alternating.total.p95;
  measures.read_all_sql_alternating_p95_ms = engine.alternating.readAllSql.p95;
  measures.tables_vs_sql_ratio = engine.ratioP95;
  measures.read_all_sql_p50_ms = engine.readAllSql.p50;
  measures.read_all_sql_p95_ms = engine.readAllSql.p95;
  measures.eight_parts_sql_p95_ms = engine.eightPartsSql.p95;
  measures.tables_vs_eight_parts_ratio = engine.eightPartsRatioP95;
  measures.load_p50_ms = engine.parts.load.p50;
  details.engine = engine;
  const final = measureFinalTables();
  measures.final_tables_ms = final.total.p95;
  measures.final_tables_p50_ms = final.total.p50;
  details.final = final;
  progress(`决算 tables + narrative + rules of one department: p95 ${final.total.p95} ms (p50 ${final.total.p50} ms, ${final.errors} errors)`);
  progress(
    `engine p95 ${engine.total.p95} ms (load ${engine.parts.load.p50}, tables + narrative + rules ${engine.parts.disclose.p50} ms p50); every row in one statement p95 ${engine.readAllSql.p95} ms (${engine.rowsRatioP95}×); in alternating blocks ${engine.alternating.total.p95} ÷ ${engine.alternating.readAllSql.p95} ms p95 (${engine.alternatingRowsRatioP95}×); aggregate p95 ${engine.sql.p95} ms; ${engine.errors} errors`,
  );
}

/** (5): 20 editors of 20 departments save a 200-line basic section at once. */
async function saveMeasures(db: Db, url: string, shape: ProvinceShape, actors: Actors, measures: Measures, details: Record<string, unknown>) {
  const lastYear = shape.years[shape.years.length - 1] as number;
  const editors = await actors.editors(lastYear);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const codes = await catalogCodes(client, lastYear).finally(() => client.end());
  progress(`(5) ${editors.length} editors saving a 200-line basic section at once …`);
  const save = await measureSave(db, editors, codes, { lines: 200, rounds: 10, budgetMs: 90_000 });
  measures.save_p50_ms = save.concurrent.p50;
  measures.save_p95_ms = save.concurrent.p95;
  measures.save_max_ms = save.concurrent.max;
  measures.save_alone_p50_ms = save.alone.p50;
  measures.save_alone_cpu_ms = save.aloneCpu.p50;
  measures.save_load_cpu_ms = save.loadCpuPerSave;
  details.save = save;
  progress(`save p95 ${save.concurrent.p95} ms with ${save.editors} editors (alone p50 ${save.alone.p50} ms); ${save.failures} failures`);

  measures.save_pool = poolMax();
}

async function main() {
  const started = nowMs();
  // Other work on the machine skews every figure; the load averages at both ends say how much.
  const loadAtStart = os.loadavg();
  const watchdog = setTimeout(() => {
    process.stderr.write("bench: 14.5 minutes passed, stopping\n");
    void cleanup().then(() => process.exit(2));
  }, WATCHDOG_MS);
  watchdog.unref();
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => void cleanup().then(() => process.exit(130)));
  }

  const measures: Measures = {};
  const details: Record<string, unknown> = {};
  try {
    if (wants("public")) await serverMeasures(measures, details);
    if (["engine", "rollup", "city", "save"].some(wants)) await databaseMeasures(measures, details);
  } finally {
    await cleanup();
  }
  const cpus = os.cpus();
  const meta = {
    date: new Date().toISOString(),
    commit: commit(),
    node: process.version,
    machine: {
      cores: cpus.length,
      cpu: cpus[0]?.model ?? "unknown",
      memoryGb: round(os.totalmem() / 2 ** 30, 1),
      loadAverageAtStart: loadAtStart,
      loadAverageAtEnd: os.loadavg(),
    },
    province: { ...PROVINCE, districts: DISTRICTS },
    pool: poolMax(),
    server: { origin: ORIGIN, port: APP_PORT, page: PUBLIC_PAGE, loadSeconds: LOAD_SECONDS },
    durationS: round((nowMs() - started) / 1000, 1),
  };
  printTable(measures);
  // A partial run must not overwrite the whole suite's committed results.
  writeResults(path.join(REPO_ROOT, "bench", ONLY.size > 0 ? `results-${[...ONLY].join("-")}.json` : "results.json"), { meta, measures, details });
  progress(`suite finished in ${meta.durationS} s`);
}

main().then(
  () => process.exit(0),
  async (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    await cleanup();
    process.exit(1);
  },
);
