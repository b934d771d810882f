/**
 * `npx tsx bench/profile-rollup.ts`: where a district dashboard's time goes once its rows are
 * cached — each statement of `loadDistrictDashboard` timed alone, and the plan of the one that
 * reads the rows (EXPLAIN ANALYZE), on a province of BENCH_DISTRICTS (default 4) districts.
 */
import pg from "pg";
import { createDb } from "@/lib/db/connect";
import { prepareDatabase } from "@/lib/db/prepare";
import { loadDistrictDashboard } from "@/lib/review/load-district-dashboard";
import { createReviewer } from "./bench-users";
import { openBenchDatabase } from "./database";
import { PROVINCE, regionCode } from "./generate-province";
import { loadProvince } from "./load-province";
import { nowMs, progress, round, summarize, timeRuns } from "./stats";

async function main() {
  const database = await openBenchDatabase();
  try {
    await prepareDatabase(database.url, { demo: true });
    const province = await loadProvince(database.url, { ...PROVINCE, districts: Number(process.env.BENCH_DISTRICTS ?? 4) });
    const db = createDb(database.url);
    const reviewer = await createReviewer(db, province.regionId(2), regionCode(2));
    const t0 = nowMs();
    await loadDistrictDashboard(db, reviewer, { region: regionCode(2), year: 2024 });
    progress(`first dashboard ${round(nowMs() - t0)} ms`);
    const whole = await timeRuns(() => loadDistrictDashboard(db, reviewer, { region: regionCode(2), year: 2024 }), { runs: 30, warmup: 2, budgetMs: 30_000 });
    progress(`dashboard, nothing changed: ${JSON.stringify(summarize(whole))}`);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query("set plan_cache_mode = force_custom_plan");
    const regionId = province.regionId(2);
    const plan = await client.query(
      `explain (analyze, buffers) select d.id, b.id, r.key = (b.version::text || '|' ||
  coalesce((select p.id || ':' || p.version || ':' || p.status::text || ':' ||
                   coalesce((select max(s.id)::text from "PublishedSnapshot" s where s."budgetId" = p.id and s."supersededAt" is null), '')
              from "Budget" p where p."departmentId" = b."departmentId" and p.year = b.year - 1 and p.kind = b.kind), '-') || '|' ||
  coalesce((select string_agg(c.year || ':' || c.revision, ',' order by c.year) from "CatalogRevision" c where c.year in (b.year - 1, b.year)), '')), r.total
      from "Department" d
      left join "Budget" b on b."departmentId" = d.id and b.year = 2024 and b.kind = 'budget' and b.status::text <> 'DRAFT'
      left join "DashboardRow" r on r."budgetId" = b.id
     where d."regionId" = $1 order by d.code`,
      [regionId],
    );
    process.stdout.write(plan.rows.map((r: { "QUERY PLAN": string }) => r["QUERY PLAN"]).join("\n") + "\n");
    for (const [name, fn] of [
      ["regions", () => db.region.findMany({ where: { id: { in: [regionId] } } })],
      ["years", () => db.budget.findMany({ where: { department: { regionId } }, distinct: ["year"], select: { year: true } })],
      ["select 1", () => db.$queryRaw`select 1`],
    ] as const) {
      const s = await timeRuns(fn as () => Promise<unknown>, { runs: 30, warmup: 2, budgetMs: 10_000 });
      progress(`${name}: ${JSON.stringify(summarize(s))}`);
    }
    await client.end();
    await db.$disconnect();
  } finally {
    await database.stop();
  }
}

void main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(String(e instanceof Error ? e.stack : e) + "\n");
    process.exit(1);
  },
);
