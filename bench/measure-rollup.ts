/**
 * Measure (3): the district rollup of 100 departments, i.e. the data of the reviewer's district
 * dashboard. lib/review/district-rollup.ts exports `districtTotals`, which only sums rows that are
 * already computed; the rollup a reviewer waits for is `loadDistrictDashboard` (which reads and
 * computes every department's budget, then calls districtTotals), so that is what is timed.
 * The profile splits one rollup into its database reads and its computation.
 */
import type { SessionUser } from "@/lib/auth/permissions";
import { buildNarrative } from "@/lib/budget/narrative";
import { checkBudget } from "@/lib/budget/rules";
import { buildTables } from "@/lib/budget/tables";
import type { Db } from "@/lib/db/client";
import { loadForEngine } from "@/lib/db/budgets/load-for-engine";
import { budgetScope } from "@/lib/db/scope";
import { loadDistrictDashboard } from "@/lib/review/load-district-dashboard";
import { nowMs, round, summarize, timeRuns, type Summary } from "./stats";

export interface RollupMeasure {
  function: string;
  departments: number;
  submitted: number;
  errors: number;
  total: Summary;
  /** One rollup taken apart (ms): reading the budgets one by one, then computing their views (summing the rows is negligible). */
  profile: { readMs: number; computeMs: number; perBudgetReadMs: number; perBudgetComputeMs: number };
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
  };
  const samples = await timeRuns(run, { runs: 15, warmup: 1, budgetMs: 60_000, minRuns: 3 });

  // The profile: the same work as one rollup, step by step.
  const scope = budgetScope(reviewer, "budget.review");
  const ids = await db.budget.findMany({ where: { AND: [scope, { year, department: { region: { code: region } } }] }, select: { id: true } });
  const t0 = nowMs();
  const inputs = [];
  for (const { id } of ids) inputs.push(await loadForEngine(db, id, scope));
  const t1 = nowMs();
  const computed = [];
  for (const input of inputs) {
    if (!input) continue;
    const options = input.prior ? { prior: input.prior } : {};
    computed.push({
      tables: buildTables(input.budget, input.catalog, options),
      figures: buildNarrative(input.budget, input.catalog, options).figures,
      findings: checkBudget(input.budget, input.catalog, options),
    });
  }
  const t2 = nowMs();
  const n = Math.max(1, ids.length);
  return {
    function: "loadDistrictDashboard (lib/review/load-district-dashboard.ts) → districtTotals (lib/review/district-rollup.ts)",
    departments,
    submitted,
    errors,
    total: summarize(samples),
    profile: {
      readMs: round(t1 - t0),
      computeMs: round(t2 - t1),
      perBudgetReadMs: round((t1 - t0) / n),
      perBudgetComputeMs: round((t2 - t1) / n),
    },
  };
}

/**
 * Gives the district what a real one has since issue 18: two review stages (the reviewer on the
 * first) and an issued 控制数 per department for 基本支出 and 项目支出 of 一般公共预算, so the rollup
 * measured includes the stage and ceiling columns. The reviewer passed in is returned on stage 1.
 */
export async function addStagesAndCeilings(db: Db, reviewer: SessionUser, regionId: number, year: number): Promise<SessionUser> {
  const first = await db.reviewStage.create({ data: { regionId, position: 1, name: "业务科室初审" } });
  await db.reviewStage.create({ data: { regionId, position: 2, name: "局领导审定" } });
  await db.membership.updateMany({ where: { userId: reviewer.id, regionId }, data: { reviewStageId: first.id } });
  const departments = await db.department.findMany({ where: { regionId }, select: { id: true } });
  const issuedAt = new Date();
  await db.ceiling.createMany({
    data: departments.flatMap((d) =>
      (["basic", "project"] as const).map((kind) => ({ departmentId: d.id, year, fund: "generalBudget" as const, kind, amount: "100000000.00", issuedAt })),
    ),
  });
  return { ...reviewer, memberships: reviewer.memberships.map((m) => ({ ...m, reviewStageId: first.id })) };
}
