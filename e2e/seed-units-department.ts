import { toSessionUser, type Role, type SessionUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/connect";
import { createBudget } from "@/lib/workflow/create-budget";

interface UnitsDepartment {
  region: { code: string; name: string };
  department: { code: string; name: string };
  accountant: string;
  units: readonly { code: string; name: string; accountant: string }[];
  year: number;
}

/** A user with one membership, created once (a second run keeps the first one's). */
export async function upsertUser(
  db: Db,
  username: string,
  role: Role,
  scope: { departmentId?: number; subUnitId?: number; regionId?: number },
  hash: string,
): Promise<SessionUser> {
  const u = await db.user.upsert({
    where: { username },
    create: {
      username,
      displayName: username,
      passwordHash: hash,
      memberships: { create: { role, departmentId: scope.departmentId ?? null, subUnitId: scope.subUnitId ?? null, regionId: scope.regionId ?? null } },
    },
    update: {},
    include: { memberships: true },
  });
  return toSessionUser(u);
}

/**
 * A region with one department and its units, the department's accountant and one per unit, and
 * each one's empty budget of the year as its 新建预算 creates it. Idempotent.
 */
export async function seedUnitsDepartment(db: Db, world: UnitsDepartment, hash: string) {
  const region = await db.region.upsert({ where: { code: world.region.code }, create: world.region, update: {} });
  const department = await db.department.upsert({
    where: { regionId_code: { regionId: region.id, code: world.department.code } },
    create: { regionId: region.id, code: world.department.code, name: world.department.name },
    update: {},
  });
  const accountants = [await upsertUser(db, world.accountant, "ACCOUNTANT", { departmentId: department.id }, hash)];
  for (const unit of world.units) {
    const subUnit = await db.subUnit.upsert({
      where: { departmentId_code: { departmentId: department.id, code: unit.code } },
      create: { departmentId: department.id, code: unit.code, name: unit.name },
      update: {},
    });
    accountants.push(await upsertUser(db, unit.accountant, "ACCOUNTANT", { departmentId: department.id, subUnitId: subUnit.id }, hash));
  }
  for (const accountant of accountants) {
    const created = await createBudget(db, accountant, { departmentId: department.id, year: world.year });
    if (!created.ok && !/已存在/.test(created.message)) throw new Error(created.message);
  }
  return { region, department };
}
