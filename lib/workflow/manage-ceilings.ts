import { hasPermission, type SessionUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { failure, type Result, type AppFailure } from "@/lib/result";
import type { CeilingEntry } from "@/lib/review/ceiling-table";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * The bureau's 控制数: entered or imported per department (a saved ceiling waits, 未下达, until
 * the bureau issues the year's ceilings), then issued (控制数下达), from when accountants see them
 * and 报送 is held to them. Only the region's reviewers manage its ceilings.
 */
async function regionOf(tx: Tx, actor: SessionUser, regionCode: string) {
  if (!hasPermission(actor, "budget.approve")) throw new AppError("forbidden", "您没有管理控制数的权限");
  const ids = actor.memberships.filter((m) => m.role === "REVIEWER" && m.regionId !== null).map((m) => m.regionId!);
  const region = await tx.region.findFirst({ where: { code: regionCode, id: { in: ids } }, select: { id: true } });
  if (!region) throw new AppError("not_found", "区划不存在或您无权管理");
  return region;
}

export async function saveCeilings(
  db: Db,
  actor: SessionUser,
  input: { regionCode: string; year: number; entries: CeilingEntry[] },
): Promise<Result<{ saved: number }, AppFailure>> {
  try {
    return await db.$transaction(async (tx) => {
      const region = await regionOf(tx, actor, input.regionCode);
      const departments = await tx.department.findMany({ where: { regionId: region.id, code: { in: input.entries.map((e) => e.departmentCode) } } });
      const byCode = new Map(departments.map((d) => [d.code, d.id]));
      for (const e of input.entries) {
        const departmentId = byCode.get(e.departmentCode);
        if (departmentId === undefined) throw new AppError("invalid_input", `部门编码：本区没有编码为“${e.departmentCode}”的部门`);
        const key = { departmentId, year: input.year, fund: e.fund, kind: e.kind, projectCode: e.projectCode };
        await tx.ceiling.upsert({
          where: { departmentId_year_fund_kind_projectCode: key },
          create: { ...key, amount: e.amount },
          // A changed amount waits for the next 下达, as a new one does.
          update: { amount: e.amount, issuedAt: null },
        });
      }
      return { ok: true as const, saved: input.entries.length };
    });
  } catch (error) {
    return failure(error);
  }
}

export async function deleteCeiling(db: Db, actor: SessionUser, input: { regionCode: string; ceilingId: number }): Promise<Result<object, AppFailure>> {
  try {
    return await db.$transaction(async (tx) => {
      const region = await regionOf(tx, actor, input.regionCode);
      const deleted = await tx.ceiling.deleteMany({ where: { id: input.ceilingId, department: { regionId: region.id } } });
      if (deleted.count !== 1) throw new AppError("not_found", "该控制数不存在或已删除");
      return { ok: true as const };
    });
  } catch (error) {
    return failure(error);
  }
}

/** 控制数下达: every ceiling of the region's year not yet issued is issued now. */
export async function issueCeilings(db: Db, actor: SessionUser, input: { regionCode: string; year: number }): Promise<Result<{ issued: number }, AppFailure>> {
  try {
    return await db.$transaction(async (tx) => {
      const region = await regionOf(tx, actor, input.regionCode);
      const issued = await tx.ceiling.updateMany({
        where: { year: input.year, issuedAt: null, department: { regionId: region.id } },
        data: { issuedAt: new Date() },
      });
      if (issued.count === 0) throw new AppError("invalid_input", `${input.year} 年没有待下达的控制数`);
      return { ok: true as const, issued: issued.count };
    });
  } catch (error) {
    return failure(error);
  }
}
