/**
 * Measure (3): the district rollup of 100 departments, i.e. the data of the reviewer's district
 * dashboard (`loadDistrictDashboard`: departments, budgets and their cached rows in one statement,
 * the rows whose inputs changed computed again, then `districtTotals`), and the city overview
 * (`loadCityDashboard`: per district sums from the same cache, one statement).
 *
 * A dashboard is timed as a reviewer meets it during the deadline rush: before every run one
 * budget of the district has changed (its version moved, as a save or a workflow step moves it),
 * so each run recomputes one row. The first run of a district (every row computed: the cache
 * after the province was bulk-loaded, or after a migration) and runs where nothing changed are
 * reported beside it.
 */
import type { SessionUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { loadCityDashboard } from "@/lib/review/load-city-dashboard";
import { loadDistrictDashboard } from "@/lib/review/load-district-dashboard";
import { nowMs, round, summarize, timeRuns, type Summary } from "./stats";

export interface RollupMeasure {
  function: string;
  departments: number;
  submitted: number;
  errors: number;
  /** One budget of the district changed before each run. */
  total: Summary;
  /** The first rollup of the district: every row computed (ms). */
  coldMs: number;
  /** Nothing changed since the last rollup. */
  unchanged: Summary;
}

export async function measureRollup(db: Db, reviewer: SessionUser, region: string, year: number): Promise<RollupMeasure> {
  let departments = 0;
  let submitted = 0;
  let errors = 0;
  const run = async () => {
    const dashboard = await loadDistrictDashboard(db, reviewer, { region, year });
    if (!dashboard) throw new Error("the reviewer sees no district");
    departments = dashboard.rows.length;
    submitted = dashboard.totals.departments;
    errors = dashboard.totals.errors;
    return dashboard;
  };
  const t0 = nowMs();
  const first = await run();
  const coldMs = round(nowMs() - t0);
  const ids = first.rows.map((r) => r.budgetId).filter((id): id is number => id !== null);
  let next = 0;
  const changed = await timeRuns(run, {
    runs: 30,
    warmup: 1,
    budgetMs: 60_000,
    minRuns: 3,
    // Outside the timing: one budget changes, as a save or a workflow step changes it.
    before: async () => {
      const id = ids[next++ % ids.length] as number;
      await db.budget.update({ where: { id }, data: { version: { increment: 1 } } });
    },
  });
  const unchanged = await timeRuns(run, { runs: 30, warmup: 0, budgetMs: 30_000, minRuns: 3 });
  return {
    function: "loadDistrictDashboard (lib/review/load-district-dashboard.ts) → loadDistrictRows (lib/db/queries/dashboard-rows.ts) → districtTotals",
    departments,
    submitted,
    errors,
    total: summarize(changed),
    coldMs,
    unchanged: summarize(unchanged),
  };
}

export interface CityMeasure {
  function: string;
  districts: number;
  departments: number;
  reported: number;
  /** The first overview: every district's rows not yet computed are computed (ms). */
  coldMs: number;
  /** One budget somewhere in the city changed before each run. */
  total: Summary;
}

export async function measureCity(db: Db, reviewer: SessionUser, year: number): Promise<CityMeasure> {
  let districts = 0;
  let departments = 0;
  let reported = 0;
  const ids: number[] = [];
  const run = async () => {
    const city = await loadCityDashboard(db, reviewer, { year });
    if (!city) throw new Error("the reviewer sees no city");
    districts = city.districts.length;
    departments = city.districts.reduce((n, d) => n + d.departments, 0);
    reported = city.districts.reduce((n, d) => n + d.reported, 0);
  };
  const t0 = nowMs();
  await run();
  const coldMs = round(nowMs() - t0);
  const regionIds = reviewer.memberships.map((m) => m.regionId).filter((id): id is number => id !== null);
  const visible = await db.budget.findMany({
    where: { year, kind: "budget", status: { not: "DRAFT" }, department: { regionId: { in: regionIds } } },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  ids.push(...visible.map((b) => b.id));
  let next = 0;
  const samples = await timeRuns(run, {
    runs: 30,
    warmup: 1,
    budgetMs: 60_000,
    minRuns: 3,
    before: async () => {
      // Spread over the city: every 97th visible budget in turn.
      const id = ids[(next++ * 97) % ids.length] as number;
      await db.budget.update({ where: { id }, data: { version: { increment: 1 } } });
    },
  });
  return {
    function: "loadCityDashboard (lib/review/load-city-dashboard.ts) → loadRegionSummaries (lib/db/queries/dashboard-rows.ts)",
    districts,
    departments,
    reported,
    coldMs,
    total: summarize(samples),
  };
}

/**
 * Gives the district what a real one has since issue 18: two review stages (the reviewer on the
 * first) and an issued 控制数 per department for 基本支出 and 项目支出 of 一般公共预算, so the rollup
 * measured includes the stage and ceiling columns. The reviewer passed in is returned on stage 1.
 */
export async function addStagesAndCeilings(db: Db, reviewer: SessionUser, regionId: number, year: number): Promise<SessionUser> {
  const first = await db.reviewStage.create({ data: { regionId, position: 1, name: "业务科室初审" } });
  const second = await db.reviewStage.create({ data: { regionId, position: 2, name: "局领导审定" } });
  await db.membership.updateMany({ where: { userId: reviewer.id, regionId }, data: { reviewStageId: first.id } });
  // Submitted budgets spread over both stages (every other one passed the first), as in the rush.
  const submitted = await db.budget.findMany({ where: { year, status: "SUBMITTED", department: { regionId } }, select: { id: true }, orderBy: { id: "asc" } });
  const stageEnteredAt = new Date();
  await db.budget.updateMany({
    where: { id: { in: submitted.filter((_, i) => i % 2 === 0).map((b) => b.id) } },
    data: { reviewStageId: first.id, stageEnteredAt },
  });
  await db.budget.updateMany({
    where: { id: { in: submitted.filter((_, i) => i % 2 === 1).map((b) => b.id) } },
    data: { reviewStageId: second.id, stageEnteredAt },
  });
  const departments = await db.department.findMany({ where: { regionId }, select: { id: true } });
  const issuedAt = new Date();
  await db.ceiling.createMany({
    data: departments.flatMap((d) =>
      (["basic", "project"] as const).map((kind) => ({ departmentId: d.id, year, fund: "generalBudget" as const, kind, amount: "100000000.00", issuedAt })),
    ),
  });
  return { ...reviewer, memberships: reviewer.memberships.map((m) => ({ ...m, reviewStageId: first.id })) };
}
