import { hasPermission, type SessionUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { UNIT_CODE_MAX_DIGITS, UNIT_CODE_PATTERN } from "@/lib/budget/package/codes";
import { adminFailure, requireAdmin, type AdminResult } from "./admin-result";

// The package schema's limit: a code it refuses would make every later save of the department fail.
function checkUnitCode(code: string, what: string) {
  if (!UNIT_CODE_PATTERN.test(code)) throw new AppError("invalid_input", `${what}应为 1–${UNIT_CODE_MAX_DIGITS} 位数字`);
}

/**
 * Regions (行政区划), their departments and the departments' sub-units, managed by an
 * administrator. Codes identify a budget in URLs and packages, so they are set once; names may
 * change (a renamed department keeps its budgets).
 */
const guard = (actor: SessionUser) => requireAdmin(hasPermission(actor, "admin.units"), "管理单位");

export async function createRegion(db: Db, actor: SessionUser, input: { code: string; name: string }): Promise<AdminResult> {
  try {
    guard(actor);
    const row = await db.region.create({ data: { code: input.code, name: input.name } });
    return { ok: true, id: row.id };
  } catch (error) {
    return adminFailure(error, `区划代码 ${input.code} 已存在`);
  }
}

export async function renameRegion(db: Db, actor: SessionUser, input: { id: number; name: string }): Promise<AdminResult> {
  try {
    guard(actor);
    const row = await db.region.update({ where: { id: input.id }, data: { name: input.name } });
    return { ok: true, id: row.id };
  } catch (error) {
    return adminFailure(error);
  }
}

export async function createDepartment(db: Db, actor: SessionUser, input: { regionId: number; code: string; name: string }): Promise<AdminResult> {
  try {
    guard(actor);
    checkUnitCode(input.code, "部门编码");
    const region = await db.region.findUnique({ where: { id: input.regionId } });
    if (!region) throw new AppError("not_found", "区划不存在");
    const row = await db.department.create({ data: input });
    return { ok: true, id: row.id };
  } catch (error) {
    return adminFailure(error, `该区划下已有编码为 ${input.code} 的部门`);
  }
}

export async function renameDepartment(db: Db, actor: SessionUser, input: { id: number; name: string }): Promise<AdminResult> {
  try {
    guard(actor);
    const row = await db.department.update({ where: { id: input.id }, data: { name: input.name } });
    return { ok: true, id: row.id };
  } catch (error) {
    return adminFailure(error);
  }
}

export async function createSubUnit(db: Db, actor: SessionUser, input: { departmentId: number; code: string; name: string }): Promise<AdminResult> {
  try {
    guard(actor);
    checkUnitCode(input.code, "单位编码");
    const department = await db.department.findUnique({ where: { id: input.departmentId } });
    if (!department) throw new AppError("not_found", "部门不存在");
    const row = await db.subUnit.create({ data: input });
    return { ok: true, id: row.id };
  } catch (error) {
    return adminFailure(error, `该部门下已有编码为 ${input.code} 的单位`);
  }
}

export async function renameSubUnit(db: Db, actor: SessionUser, input: { id: number; name: string }): Promise<AdminResult> {
  try {
    guard(actor);
    const row = await db.subUnit.update({ where: { id: input.id }, data: { name: input.name } });
    return { ok: true, id: row.id };
  } catch (error) {
    return adminFailure(error);
  }
}

/** Every region with its departments and their sub-units, for the admin page. */
export function listUnits(db: Db) {
  return db.region.findMany({
    orderBy: { code: "asc" },
    include: {
      departments: {
        orderBy: { code: "asc" },
        include: { subUnits: { orderBy: { code: "asc" } }, _count: { select: { budgets: true } } },
      },
    },
  });
}
