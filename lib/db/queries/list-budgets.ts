import type { SessionUser } from "@/lib/auth/permissions";
import type { Db } from "../client";
import { parseAmount, sum } from "@/lib/budget/money";
import type { FinalPackage } from "@/lib/final/package/schema";
import { budgetScope } from "../scope";

export interface BudgetListItem {
  id: number;
  year: number;
  kind: "budget" | "final";
  status: "DRAFT" | "SUBMITTED" | "RETURNED" | "APPROVED" | "PUBLISHED";
  version: number;
  updatedAt: Date;
  department: { code: string; name: string };
  /** Set on a unit's budget (单位预算). */
  unit: { code: string; name: string } | null;
  region: { code: string; name: string };
  /** 收入合计 in 元 as a decimal string (current income plus carryover). */
  incomeTotal: string;
}

/** The budgets the user may read, newest year first; totals summed in the database. */
export async function listBudgetsFor(db: Db, user: SessionUser): Promise<BudgetListItem[]> {
  const rows = await db.budget.findMany({
    where: budgetScope(user, "budget.read"),
    orderBy: [{ year: "desc" }, { department: { code: "asc" } }, { kind: "asc" }, { subUnitId: { sort: "asc", nulls: "first" } }],
    include: { department: { include: { region: true } }, unit: true },
  });
  const totals = await db.incomeLine.groupBy({
    by: ["budgetId"],
    where: { budgetId: { in: rows.map((r) => r.id) } },
    _sum: { amount: true },
  });
  const totalById = new Map(totals.map((t) => [t.budgetId, t._sum.amount?.toFixed(2) ?? "0.00"]));
  // A 决算's income is in its package: 本年收入 plus 年初结转和结余.
  const finals = await db.finalContent.findMany({ where: { budgetId: { in: rows.filter((r) => r.kind === "final").map((r) => r.id) } } });
  for (const f of finals) {
    const pkg = f.package as FinalPackage;
    const amounts = [...(pkg.income ?? []).map((l) => l.amount), ...Object.values(pkg.carryover?.opening ?? {})];
    totalById.set(f.budgetId, sum(amounts.flatMap((a) => (a === undefined ? [] : [parseAmount(a, pkg.amountUnit)]))).toFixed(2));
  }
  return rows.map((r) => ({
    id: r.id,
    year: r.year,
    kind: r.kind,
    status: r.status,
    version: r.version,
    updatedAt: r.updatedAt,
    department: { code: r.department.code, name: r.department.name },
    unit: r.unit ? { code: r.unit.code, name: r.unit.name } : null,
    region: { code: r.department.region.code, name: r.department.region.name },
    incomeTotal: totalById.get(r.id) ?? "0.00",
  }));
}

/** The departments whose budgets the user prepares (an accountant's own), for 新建预算. */
export async function ownDepartments(db: Db, user: SessionUser): Promise<{ id: number; name: string }[]> {
  const ids = user.memberships.flatMap((m) => (m.role === "ACCOUNTANT" && m.departmentId !== null ? [m.departmentId] : []));
  if (ids.length === 0) return [];
  return db.department.findMany({ where: { id: { in: ids } }, select: { id: true, name: true }, orderBy: { code: "asc" } });
}

/**
 * A department the user prepares budgets for (an accountant's own; an admin's any), with what a
 * blank entry workbook is stamped with; null outside the scope.
 */
export async function departmentForTemplate(db: Db, user: SessionUser, departmentId: number) {
  const admin = user.memberships.some((m) => m.role === "ADMIN");
  const own = user.memberships.some((m) => m.role === "ACCOUNTANT" && m.departmentId === departmentId);
  if (!admin && !own) return null;
  return db.department.findUnique({
    where: { id: departmentId },
    select: {
      code: true,
      name: true,
      region: { select: { code: true, name: true } },
      subUnits: { select: { code: true, name: true }, orderBy: { code: "asc" } },
    },
  });
}
