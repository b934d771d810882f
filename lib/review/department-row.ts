import type { Disclosure } from "@/lib/budget/disclose";
import type { FinalTables } from "@/lib/final/tables/types";
import type { NarrativeFigures } from "@/lib/budget/narrative";
import type { Finding } from "@/lib/budget/rules";
import type { BudgetStatusName } from "@/lib/budget/status";
import { calendarDaysBetween, publicationDeadline, type DeadlineState } from "./publication-deadline";

/**
 * One department on the district dashboard. Amounts are 万元 strings exactly as the department's
 * own published tables and narrative print them, so the dashboard never disagrees with them.
 */
export interface DepartmentRow {
  departmentId: number;
  code: string;
  name: string;
  /** null: the department has not submitted (no budget, or a draft the reviewer does not see). */
  budgetId: number | null;
  /** "final" for a row of the 决算 dashboard (its detail page is /review/finals/{id}). */
  kind?: "final";
  status: BudgetStatusName | null;
  version: number | null;
  total: string | null;
  /** Against last year's budget as the narrative states it; null when last year is unknown. */
  totalChange: string | null;
  basic: string | null;
  project: string | null;
  threePublic: string | null;
  threePublicChange: string | null;
  errors: number | null;
  warnings: number | null;
  /** Calendar days since submission while the budget waits for the reviewer (已报送). */
  daysSinceSubmission: number | null;
  deadline: DeadlineState | null;
  /** Where a submitted budget waits: the review stage ("财政局审核" in a region without stages), since when, who holds it. */
  stage?: { id: number | null; name: string; since: string; days: number; holders: string[] } | null;
  /** Waiting at a stage this reviewer may pass or return (我的待办). */
  mine?: boolean;
  /** Use of each issued 控制数, 万元. */
  ceilings?: { label: string; amount: string; used: string; left: string; exceeded: boolean }[];
  /** 批复 issued (ISO date), for an approved budget. */
  replyIssuedAt?: string | null;
}

export interface BudgetFacts {
  id: number;
  status: BudgetStatusName;
  version: number;
  submittedAt: Date | null;
  approvedAt: Date | null;
  replyIssuedAt?: Date | null;
}

export function notSubmittedRow(department: { id: number; code: string; name: string }): DepartmentRow {
  return {
    departmentId: department.id,
    code: department.code,
    name: department.name,
    budgetId: null,
    status: null,
    version: null,
    total: null,
    totalChange: null,
    basic: null,
    project: null,
    threePublic: null,
    threePublicChange: null,
    errors: null,
    warnings: null,
    daysSinceSubmission: null,
    deadline: null,
  };
}

/** What a budget's row shows of its computed figures, kept in the row cache (lib/db/queries/dashboard-rows.ts). */
export interface DashboardFigures {
  total: string;
  totalChange: string | null;
  basic: string;
  project: string;
  threePublic: string;
  threePublicChange: string | null;
  errors: number;
  warnings: number;
}

export function dashboardFigures(summary: Disclosure["summary"], figures: NarrativeFigures, findings: readonly Finding[]): DashboardFigures {
  const threePublicChange = figures.threePublicChange;
  return {
    // The same figures the budget will be published with (lib/budget/disclose.ts).
    total: summary.total,
    totalChange: summary.change ?? null,
    basic: summary.basic,
    project: summary.project,
    threePublic: summary.threePublic,
    threePublicChange: typeof threePublicChange === "string" ? threePublicChange : null,
    errors: findings.filter((x) => x.severity === "error").length,
    warnings: findings.filter((x) => x.severity === "warning").length,
  };
}

export function departmentRow(
  department: { id: number; code: string; name: string },
  budget: BudgetFacts,
  computed: (Pick<Disclosure, "summary" | "findings"> & { figures: NarrativeFigures }) | DashboardFigures,
  now: Date,
): DepartmentRow {
  const figures = "summary" in computed ? dashboardFigures(computed.summary, computed.figures, computed.findings) : computed;
  return {
    departmentId: department.id,
    code: department.code,
    name: department.name,
    budgetId: budget.id,
    status: budget.status,
    version: budget.version,
    ...figures,
    daysSinceSubmission: budget.status === "SUBMITTED" && budget.submittedAt ? calendarDaysBetween(budget.submittedAt, now) : null,
    deadline: publicationDeadline(budget.status, budget.approvedAt, now, budget.replyIssuedAt ?? null),
  };
}

/**
 * One department on the 决算 dashboard: 支出合计/基本/项目 from 支出决算表 (F3), 三公 决算数 from
 * F7. The change columns compare with last year's budget on the budget dashboard; a 决算 row
 * leaves them empty rather than compare different things.
 */
export function finalDepartmentRow(
  department: { id: number; code: string; name: string },
  final: BudgetFacts,
  computed: { tables: FinalTables; findings: Finding[] },
  now: Date,
): DepartmentRow {
  const f3 = computed.tables.F3.total;
  return {
    departmentId: department.id,
    code: department.code,
    name: department.name,
    budgetId: final.id,
    kind: "final",
    status: final.status,
    version: final.version,
    total: f3.total,
    totalChange: null,
    basic: f3.basic,
    project: f3.project,
    threePublic: computed.tables.F7.actual.total,
    threePublicChange: null,
    errors: computed.findings.filter((x) => x.severity === "error").length,
    warnings: computed.findings.filter((x) => x.severity === "warning").length,
    daysSinceSubmission: final.status === "SUBMITTED" && final.submittedAt ? calendarDaysBetween(final.submittedAt, now) : null,
    deadline: publicationDeadline(final.status, final.approvedAt, now),
  };
}
