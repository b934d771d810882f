/**
 * `npx tsx bench/profile-database.ts`: the profile behind the database-bound figures of the
 * suite (not part of `npm run bench`). On a province loaded like the suite's, it
 *  1. logs every SQL statement one `loadForEngine` sends, with its duration;
 *  2. EXPLAIN ANALYZEs the statements the ORM sends for the child rows without an index;
 *  3. re-measures (1), (3) and (5) after adding the indexes the schema lacks — on this throwaway
 *     database only — so the recommended fix comes with its measured gain.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/permissions";
import { loadForEngine } from "@/lib/db/budgets/load-for-engine";
import { prepareDatabase } from "@/lib/db/prepare";
import { createAccountant, createReviewer } from "./bench-users";
import { openBenchDatabase } from "./database";
import { PROVINCE, regionCode } from "./generate-province";
import { catalogCodes, loadProvince } from "./load-province";
import { measureEngine } from "./measure-engine";
import { measureRollup } from "./measure-rollup";
import { measureSave } from "./measure-save";
import { progress, round } from "./stats";

/** Child tables whose foreign key has no index of its own (prisma/migrations/*_init). */
export const MISSING_INDEXES = [
  `create index "ProjectIndicator_projectId_idx" on "ProjectIndicator" ("projectId")`,
  `create index "PerformanceIndicator_budgetId_idx" on "PerformanceIndicator" ("budgetId")`,
  `create index "ProcurementLine_budgetId_idx" on "ProcurementLine" ("budgetId")`,
];

async function main() {
  const database = await openBenchDatabase();
  const client = new pg.Client({ connectionString: database.url });
  let db: PrismaClient | null = null;
  try {
    await prepareDatabase(database.url, { demo: true });
    progress("loading the province …");
    const province = await loadProvince(database.url, PROVINCE);
    const queries: { sql: string; ms: number }[] = [];
    const logged = new PrismaClient({
      adapter: new PrismaPg({ connectionString: database.url }),
      log: [{ emit: "event" as const, level: "query" as const }],
    });
    let recording = false;
    logged.$on("query", (e) => {
      if (recording) queries.push({ sql: e.query, ms: e.duration });
    });
    db = logged;
    const budgetId = province.budgetId(2, 50, 2024);
    for (let i = 0; i < 5; i++) await loadForEngine(db, budgetId, {});
    recording = true;
    await loadForEngine(db, budgetId, {});
    recording = false;
    const total = queries.reduce((a, q) => a + q.ms, 0);
    process.stdout.write(`\none loadForEngine: ${queries.length} statements, ${round(total)} ms in the database (Prisma's durations)\n`);
    for (const q of [...queries].sort((a, b) => b.ms - a.ms).slice(0, 8)) {
      process.stdout.write(`  ${String(round(q.ms, 1)).padStart(6)} ms  ${q.sql.replace(/\s+/g, " ").slice(0, 150)}\n`);
    }

    await client.connect();
    const projectIds = (await client.query<{ id: number }>(`select id from "Project" where "budgetId" = $1`, [budgetId])).rows.map((r) => r.id);
    const explain = async (label: string, sql: string, params: unknown[]) => {
      const plan = await client.query<{ "QUERY PLAN": string }>(`explain (analyze, buffers off) ${sql}`, params);
      process.stdout.write(`\n${label}\n${plan.rows.map((r) => `  ${r["QUERY PLAN"]}`).join("\n")}\n`);
    };
    await explain(
      "project indicators of one budget (as Prisma asks for them):",
      `select * from "ProjectIndicator" where "projectId" = any($1) order by position`,
      [projectIds],
    );
    await explain("performance indicators of one budget:", `select * from "PerformanceIndicator" where "budgetId" = $1 order by position`, [budgetId]);

    const codes = await catalogCodes(client, 2025);
    const reviewer = await createReviewer(db, province.regionId(2), regionCode(2));
    const drafts = await db.budget.findMany({
      where: { year: 2025, status: "DRAFT", department: { region: { code: regionCode(3) } } },
      select: { id: true, departmentId: true },
      take: 20,
    });
    const editors: { user: SessionUser; budgetId: number }[] = [];
    for (const d of drafts) editors.push({ user: await createAccountant(db, d.departmentId), budgetId: d.id });

    const figures = async () => {
      const engine = await measureEngine(db as PrismaClient, database.url, budgetId);
      const rollup = await measureRollup(db as PrismaClient, reviewer, regionCode(2), 2024);
      const save = await measureSave(db as PrismaClient, editors, codes, { lines: 200, rounds: 5, budgetMs: 60_000 });
      return {
        tables_p95_ms: engine.total.p95,
        load_p50_ms: engine.parts.load.p50,
        rollup_p95_ms: rollup.total.p95,
        rollup_cold_ms: rollup.coldMs,
        save_p95_ms: save.concurrent.p95,
        save_alone_p50_ms: save.alone.p50,
      };
    };
    progress("measuring as the schema is …");
    const before = await figures();
    for (const sql of MISSING_INDEXES) await client.query(sql);
    await client.query("analyze");
    progress("measuring with the three missing foreign-key indexes …");
    const after = await figures();
    process.stdout.write("\nmeasure                 as is   with indexes\n");
    for (const key of Object.keys(before) as (keyof typeof before)[]) {
      process.stdout.write(`${key.padEnd(22)} ${String(round(before[key])).padStart(7)}  ${String(round(after[key])).padStart(12)}\n`);
    }
  } finally {
    await db?.$disconnect();
    await client.end().catch(() => undefined);
    await database.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`profile failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
