import type { SessionUser } from "@/lib/auth/permissions";
import { hasPermission } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import type { Result } from "@/lib/result";
import { loadCatalog } from "@/lib/db/catalog-store";

export type CreateResult = Result<{ budgetId: number }>;

/**
 * A department's first budget in 明账 (a later year starts from the previous one instead): an
 * empty draft with the department's name and sub-units, for the accountant to fill in. A unit
 * accountant (单位会计) creates its unit's budget (单位预算) instead, under the unit's name; it
 * lists all the department's units, so that a transfer to another unit can name it.
 */
export async function createBudget(db: Db, actor: SessionUser, input: { departmentId: number; year: number }): Promise<CreateResult> {
  if (!hasPermission(actor, "budget.edit")) return { ok: false, code: "refused", message: "您没有编制预算的权限" };
  const membership = actor.memberships.find((m) => m.role === "ACCOUNTANT" && m.departmentId === input.departmentId);
  if (!membership) return { ok: false, code: "refused", message: "只能为本部门新建预算" };
  const subUnitId = membership.subUnitId ?? null;
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100)
    return { ok: false, code: "refused", message: "预算年度应为 2000 至 2100 之间的年份" };
  return db.$transaction(async (tx) => {
    const department = await tx.department.findUnique({ where: { id: input.departmentId }, include: { subUnits: { orderBy: { code: "asc" } } } });
    if (!department) return { ok: false as const, code: "refused", message: "未找到该部门" };
    const exists = await tx.budget.findFirst({
      where: { departmentId: department.id, year: input.year, kind: "budget", subUnitId },
    });
    const unit = department.subUnits.find((s) => s.id === subUnitId);
    if (exists) return { ok: false as const, code: "refused", message: `${unit ? `${unit.name} ` : ""}${input.year} 年预算已存在` };
    if (!(await loadCatalog(tx, input.year)))
      return { ok: false as const, code: "refused", message: `数据库中没有 ${input.year} 年的科目目录，请联系管理员导入` };
    const budget = await tx.budget.create({
      data: {
        departmentId: department.id,
        subUnitId,
        year: input.year,
        unitName: unit?.name ?? department.name,
        functions: [],
        subUnits: { create: department.subUnits.map((s, position) => ({ subUnitId: s.id, position })) },
      },
    });
    await tx.budgetEvent.create({
      data: {
        budgetId: budget.id,
        actorId: actor.id,
        action: "create",
        toStatus: "DRAFT",
        version: budget.version,
        comment: unit ? "新建单位预算" : "新建预算",
      },
    });
    return { ok: true as const, budgetId: budget.id };
  });
}
