import { hasPermission, type SessionUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { loadDistrictRows } from "@/lib/db/queries/dashboard-rows";
import { budgetScope } from "@/lib/db/scope";
import { loadFinalForEngine } from "@/lib/db/finals/read-final";
import { evaluateFinal } from "@/lib/final/evaluate";
import { departmentRow, finalDepartmentRow, notSubmittedRow, type DepartmentRow } from "./department-row";
import { districtTotals, type DistrictTotals } from "./district-rollup";
import { issuedCeilingsByDepartment } from "@/lib/db/queries/ceilings";
import { ceilingColumns, inQueue, regionReview, stageOf } from "./stage-and-ceilings";

export interface DistrictDashboard {
  region: { id: number; code: string; name: string };
  /** Every region the reviewer reviews, for switching. */
  regions: { id: number; code: string; name: string }[];
  year: number;
  /** 预算 or 决算: the dashboard shows one kind at a time. */
  kind: "budget" | "final";
  /** Years with at least one budget the reviewer sees, newest first. */
  years: number[];
  rows: DepartmentRow[];
  totals: DistrictTotals;
  /** The region's review stages in order (empty: one step). */
  stages: { id: number; name: string }[];
}

/**
 * The district dashboard of a reviewer: every department of their region for one year, each with
 * its figures computed by lib/budget from its own amounts, and the district totals summed from
 * those rows. Budgets are read inside the reviewer's scope, so drafts show as 未报送.
 */
export async function loadDistrictDashboard(
  db: Db,
  user: SessionUser,
  options: { region?: string; year?: number; kind?: "budget" | "final"; now?: Date } = {},
): Promise<DistrictDashboard | null> {
  if (!hasPermission(user, "budget.review")) return null;
  const regionIds = user.memberships.filter((m) => m.role === "REVIEWER" && m.regionId !== null).map((m) => m.regionId!);
  const regions = await db.region.findMany({ where: { id: { in: regionIds } }, orderBy: { code: "asc" }, select: { id: true, code: true, name: true } });
  const region = options.region ? regions.find((r) => r.code === options.region) : regions[0];
  if (!region) return null;

  const scope = budgetScope(user, "budget.review");
  const kind = options.kind ?? "budget";
  const inRegion = { AND: [scope, { kind, department: { regionId: region.id } }] };
  const yearRows = await db.budget.findMany({ where: inRegion, distinct: ["year"], select: { year: true }, orderBy: { year: "desc" } });
  const years = yearRows.map((r) => r.year);
  const year = options.year ?? years[0] ?? new Date().getFullYear();

  const now = options.now ?? new Date();
  // Where each submitted budget waits, and whether it is this reviewer's to act on (stages).
  const stageFields = await db.budget.findMany({
    where: { AND: [inRegion, { year, subUnitId: null }] },
    select: { id: true, status: true, submittedAt: true, replyIssuedAt: true, reviewStageId: true, stageEnteredAt: true },
  });
  const review = await regionReview(db, region.id);
  const stages = review.stages.map((s) => ({ id: s.id, name: s.name }));
  const stageById = new Map(stageFields.map((b) => [b.id, b]));
  const placed = (row: DepartmentRow, budgetId: number): DepartmentRow => {
    const budget = stageById.get(budgetId);
    if (!budget) return row;
    return {
      ...row,
      stage: stageOf(review, budget, now),
      mine: inQueue(user.memberships, review, budget.status, budget.reviewStageId),
      replyIssuedAt: budget.replyIssuedAt?.toISOString() ?? null,
    };
  };

  if (kind === "final") {
    const departments = await db.department.findMany({ where: { regionId: region.id }, orderBy: { code: "asc" } });
    const budgets = await db.budget.findMany({
      where: { AND: [inRegion, { year, subUnitId: null }] },
      select: { id: true, departmentId: true, status: true, version: true, submittedAt: true, approvedAt: true },
    });
    const byDepartment = new Map(budgets.map((b) => [b.departmentId, b]));
    const rows: DepartmentRow[] = [];
    for (const department of departments) {
      const final = byDepartment.get(department.id);
      const engine = final ? await loadFinalForEngine(db, final.id, scope) : null;
      if (!final || !engine) {
        rows.push(notSubmittedRow(department));
        continue;
      }
      const { tables, findings } = evaluateFinal(engine.final, engine.catalog);
      rows.push(placed(finalDepartmentRow(department, final, { tables, findings }, now), final.id));
    }
    return { region, regions, year, kind, years: years.includes(year) ? years : [year, ...years], rows, totals: districtTotals(rows), stages };
  }

  // Every department and its budget's figures in one statement over the row cache; only the
  // budgets changed since their row was computed are computed again (lib/db/queries/dashboard-rows.ts).
  const cached = await loadDistrictRows(db, region.id, year, scope);
  // A 控制数's use: the issued ceilings against what the cached row says the budget spends.
  const ceilings = await issuedCeilingsByDepartment(
    db,
    cached.map((r) => r.departmentId),
    year,
  );
  const rows: DepartmentRow[] = cached.map((r) => {
    const department = { id: r.departmentId, code: r.code, name: r.name };
    if (!r.budget || !r.figures) return notSubmittedRow(department);
    const row = placed(departmentRow(department, r.budget, r.figures, now), r.budget.id);
    const bound = ceilings.get(r.departmentId) ?? [];
    return bound.length > 0 && r.ceilingBasis ? { ...row, ceilings: ceilingColumns(r.ceilingBasis, bound) } : row;
  });
  return { region, regions, year, kind, years: years.includes(year) ? years : [year, ...years], rows, totals: districtTotals(rows), stages };
}
