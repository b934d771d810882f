import type { SessionUser } from "@/lib/auth/permissions";
import { packageToBudget } from "@/lib/budget/package/to-budget";
import { parsePackageValue } from "@/lib/budget/package/schema";
import type { Finding } from "@/lib/budget/rules";
import { discloseBudget } from "@/lib/budget/disclose";
import type { DisclosureTables } from "@/lib/budget/tables";
import type { BudgetStatusName } from "@/lib/budget/status";
import { economicName, functionName, type Catalog } from "@/lib/catalog/catalog";
import { applyCrosswalk } from "@/lib/catalog/crosswalk";
import { loadCrosswalk } from "@/lib/db/catalog-store";
import type { Db } from "@/lib/db/client";
import { loadForEngine } from "@/lib/db/budgets/load-for-engine";
import { budgetContentInclude, budgetFromRows } from "@/lib/db/budgets/read-budget";
import { budgetScope } from "@/lib/db/scope";
import { generalBudgetAmounts, priorComparison, type ComparisonRow } from "./prior-comparison";
import { diffBudgets, type DiffEntry } from "./submission-diff";
import { tableLayouts } from "@/lib/public/layout";
import { tableRowAnchors, type AnchorChoice } from "@/lib/workflow/table-row-anchors";
import { calendarDaysBetween, publicationDeadline, type DeadlineState } from "./publication-deadline";
import type { DepartmentRow } from "./department-row";
import { ceilingBasis } from "@/lib/budget/ceilings";
import { ceilingColumns, inQueue, nextStageName, regionReview, stageOf } from "./stage-and-ceilings";
import { issuedCeilings } from "@/lib/db/queries/ceilings";

export interface BudgetReview {
  id: number;
  year: number;
  status: BudgetStatusName;
  version: number;
  unitName: string;
  department: { code: string; name: string };
  region: { code: string; name: string };
  submittedAt: Date | null;
  daysSinceSubmission: number | null;
  approvedAt: Date | null;
  deadline: DeadlineState | null;
  /** Where it waits in the bureau's review, who holds it, and whether this reviewer may act now. */
  stage: DepartmentRow["stage"];
  nextStage: string | null;
  mayAct: boolean;
  replyIssuedAt: Date | null;
  ceilings: NonNullable<DepartmentRow["ceilings"]>;
  tables: DisclosureTables;
  narrative: string;
  findings: Finding[];
  comparison: { byFunction: ComparisonRow[]; byEconomic: ComparisonRow[]; priorKnown: { byFunction: boolean; byEconomic: boolean } };
  /** Against the previous submission, when there is one (a budget back after a return). */
  diff: { from: { sequence: number; submittedAt: Date }; to: { sequence: number; submittedAt: Date }; entries: DiffEntry[] } | null;
  submissions: { sequence: number; version: number; submittedAt: Date; by: string }[];
  snapshots: { sequence: number; publishedAt: Date; supersededAt: Date | null }[];
  comments: {
    id: number;
    section: string;
    anchor: string | null;
    body: string;
    author: string;
    createdAt: Date;
    answer: string | null;
    resolvedAt: Date | null;
  }[];
  /** What a comment can be anchored to: projects, basic-expenditure lines and rows of T1–T11, with labels. */
  anchors: { projects: AnchorChoice[]; basicExpenditure: AnchorChoice[] } & ReturnType<typeof tableRowAnchors>;
  /** Project code → name, to show a comment anchored to a project by its name. */
  projectNames: Map<string, string>;
}

const names = (catalog: Catalog) => ({ functionName: (c: string) => functionName(catalog, c), economicName: (c: string) => economicName(catalog, c) });

/** One budget as the reviewer examines it, read inside the reviewer's scope (null: not found). */
export async function loadBudgetReview(db: Db, user: SessionUser, budgetId: number, now = new Date()): Promise<BudgetReview | null> {
  const scope = budgetScope(user, "budget.review");
  const row = await db.budget.findFirst({
    where: { AND: [scope, { id: budgetId }] },
    include: {
      department: { include: { region: true } },
      comments: { orderBy: { id: "asc" }, include: { author: { select: { displayName: true } } } },
      submissions: {
        orderBy: { sequence: "asc" },
        select: { sequence: true, version: true, submittedAt: true, submittedBy: { select: { displayName: true } } },
      },
      snapshots: { orderBy: { sequence: "asc" }, select: { sequence: true, publishedAt: true, supersededAt: true } },
    },
  });
  if (!row) return null;
  const engine = await loadForEngine(db, budgetId, scope);
  if (!engine) return null;
  const subjectNames = names(engine.catalog);

  // Last year's approved budget gives the economic classes; the function items come from the
  // engine's prior year (through the crosswalk), as T2 shows them.
  const last = await db.budget.findFirst({
    where: { departmentId: row.departmentId, year: row.year - 1, kind: row.kind, status: { in: ["APPROVED", "PUBLISHED"] } },
    include: budgetContentInclude,
  });
  const byEconomic = last ? Object.fromEntries(generalBudgetAmounts(budgetFromRows(last)).byEconomic) : undefined;
  // Without an approved budget of last year in 明账, the budget's own 上年预算数 stands (as in
  // T2), its codes mapped onto this year's through the crosswalk (2023 2010308 → 2024 2014004).
  const ownPrior = engine.budget.priorYear?.expenditureByFunction;
  const byFunction = engine.prior?.expenditureByFunction ?? (ownPrior ? applyCrosswalk(ownPrior, await loadCrosswalk(db, row.year - 1, row.year)) : undefined);
  const comparison = priorComparison(engine.budget, { ...(byFunction ? { byFunction } : {}), ...(byEconomic ? { byEconomic } : {}) }, subjectNames);

  const evaluation = discloseBudget(engine);
  const stages = await regionReview(db, row.department.regionId);
  return {
    stage: stageOf(stages, row, now),
    nextStage: row.status === "SUBMITTED" ? nextStageName(stages, row.reviewStageId) : null,
    mayAct: inQueue(user.memberships, stages, row.status, row.reviewStageId),
    replyIssuedAt: row.replyIssuedAt,
    ceilings: row.kind === "budget" ? ceilingColumns(ceilingBasis(engine.budget), await issuedCeilings(db, row.departmentId, row.year)) : [],
    id: row.id,
    year: row.year,
    status: row.status,
    version: row.version,
    unitName: row.unitName,
    department: { code: row.department.code, name: row.department.name },
    region: { code: row.department.region.code, name: row.department.region.name },
    submittedAt: row.submittedAt,
    daysSinceSubmission: row.status === "SUBMITTED" && row.submittedAt ? calendarDaysBetween(row.submittedAt, now) : null,
    approvedAt: row.approvedAt,
    deadline: publicationDeadline(row.status, row.approvedAt, now, row.replyIssuedAt),
    tables: evaluation.tables,
    narrative: evaluation.narrative.markdown,
    findings: evaluation.findings,
    comparison: { ...comparison, priorKnown: { byFunction: !!byFunction, byEconomic: !!byEconomic } },
    diff: await submissionDiff(db, row.id, row.submissions.length, engine.catalog),
    submissions: row.submissions.map((s) => ({
      sequence: s.sequence,
      version: s.version,
      submittedAt: s.submittedAt,
      by: s.submittedBy?.displayName ?? "系统",
    })),
    snapshots: row.snapshots,
    comments: row.comments.map((c) => ({
      id: c.id,
      section: c.section,
      anchor: c.anchor,
      body: c.body,
      author: c.author.displayName,
      createdAt: c.createdAt,
      answer: c.answer,
      resolvedAt: c.resolvedAt,
    })),
    projectNames: new Map(engine.budget.projects.map((p) => [p.code, p.name])),
    anchors: {
      ...tableRowAnchors(tableLayouts(evaluation.tables), evaluation.tables),
      projects: engine.budget.projects.map((p) => ({ value: p.code, label: `${p.name}（${p.code}）` })),
      basicExpenditure: engine.budget.basicExpenditure.map((l) => ({
        value: `${l.function}/${l.economic}`,
        label: `${l.function} ${subjectNames.functionName(l.function)} × ${l.economic} ${subjectNames.economicName(l.economic)}`,
      })),
    },
  };
}

/** The last two submissions' packages compared line by line. */
async function submissionDiff(db: Db, budgetId: number, count: number, catalog: Catalog): Promise<BudgetReview["diff"]> {
  if (count < 2) return null;
  const [after, before] = await db.budgetSubmission.findMany({ where: { budgetId }, orderBy: { sequence: "desc" }, take: 2 });
  if (!after || !before) return null;
  const parse = (value: unknown) => {
    const parsed = parsePackageValue(value);
    if (!parsed.ok) throw new Error(`预算 ${budgetId} 的报送记录无法读取：${parsed.errors.map((e) => e.message).join("；")}`);
    return packageToBudget(parsed.pkg);
  };
  return {
    from: { sequence: before.sequence, submittedAt: before.submittedAt },
    to: { sequence: after.sequence, submittedAt: after.submittedAt },
    entries: diffBudgets(parse(before.package), parse(after.package), names(catalog)),
  };
}
