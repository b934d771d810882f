import type { Prisma } from "@/generated/prisma/client";
import { hasPermission, type SessionUser } from "@/lib/auth/permissions";
import { budgetToPackage } from "@/lib/budget/package/from-budget";
import { finalPackageFromBudget } from "@/lib/final/package/from-budget";
import type { Db } from "@/lib/db/client";
import type { Result } from "@/lib/result";
import { budgetScope } from "@/lib/db/scope";
import { budgetFromRows } from "@/lib/db/budgets/read-budget";
import { findBudgetWithContent } from "@/lib/db/budgets/content-sql";
import { finalColumns, writeFinalContent } from "@/lib/db/finals/write-final";

export type StartFinalResult = Result<{ budgetId: number }>;

/** A 决算 starts from a budget the district has approved: its figures are the 年初预算数. */
const STARTABLE = ["APPROVED", "PUBLISHED"] as const;

/**
 * Creates the 决算 draft of a budget's department and year from that budget (finalPackageFromBudget),
 * inside the caller's transaction. No status check here: the use case below is what users call.
 */
export async function createFinalFromBudget(tx: Prisma.TransactionClient, budgetId: number, actorId: number | null): Promise<StartFinalResult> {
  const row = await findBudgetWithContent(tx, { id: budgetId });
  if (!row || row.kind !== "budget") return { ok: false, code: "refused", message: "未找到该预算" };
  const existing = await tx.budget.findFirst({ where: { departmentId: row.departmentId, year: row.year, kind: "final", subUnitId: row.subUnitId } });
  if (existing) return { ok: false, code: "refused", message: `${row.year} 年决算已存在` };
  const pkg = finalPackageFromBudget({ ...budgetToPackage(budgetFromRows(row)) });
  const created = await tx.budget.create({
    data: { departmentId: row.departmentId, subUnitId: row.subUnitId, year: row.year, kind: "final", status: "DRAFT", ...finalColumns(pkg) },
  });
  await writeFinalContent(tx, created.id, pkg);
  await tx.budgetEvent.create({
    data: {
      budgetId: created.id,
      actorId,
      action: "create.final",
      toStatus: "DRAFT",
      version: created.version,
      comment: `由 ${row.year} 年预算生成决算（年初预算数取自预算）`,
    },
  });
  return { ok: true, budgetId: created.id };
}

/**
 * 开始编制决算: the accountant starts the 决算 of year Y from the approved or published budget of Y
 * of their own department (read inside their scope: another department's budget is not found).
 */
export async function startFinal(db: Db, actor: SessionUser, input: { fromBudgetId: number }): Promise<StartFinalResult> {
  if (!hasPermission(actor, "budget.edit")) return { ok: false, code: "refused", message: "您没有编制决算的权限" };
  return db.$transaction(
    async (tx) => {
      const budget = await tx.budget.findFirst({
        where: { AND: [budgetScope(actor, "budget.edit"), { id: input.fromBudgetId, kind: "budget" }] },
        select: { id: true, status: true, year: true },
      });
      if (!budget) return { ok: false as const, code: "refused", message: "未找到该预算" };
      if (!(STARTABLE as readonly string[]).includes(budget.status)) {
        return { ok: false as const, code: "refused", message: `${budget.year} 年预算尚未审核通过或公开，不能据以编制决算` };
      }
      return createFinalFromBudget(tx, budget.id, actor.id);
    },
    { timeout: 30_000 },
  );
}
