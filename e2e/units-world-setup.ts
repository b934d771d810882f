/**
 * Seeds the units spec's world (units-world.ts) through the app's own use cases: the budgets are
 * created as each accountant's 新建预算 creates them. Idempotent.
 */
import { hashPassword } from "@/lib/auth/password";
import { toSessionUser, type SessionUser } from "@/lib/auth/permissions";
import { createDb, type Db } from "@/lib/db/connect";
import { createBudget } from "@/lib/workflow/create-budget";
import { UNITS_WORLD as W } from "./units-world";

async function accountant(db: Db, username: string, departmentId: number, subUnitId: number | null, hash: string): Promise<SessionUser> {
  const u = await db.user.upsert({
    where: { username },
    create: { username, displayName: username, passwordHash: hash, memberships: { create: { role: "ACCOUNTANT", departmentId, subUnitId } } },
    update: {},
    include: { memberships: true },
  });
  return toSessionUser(u);
}

async function main() {
  const db = createDb(process.env.DATABASE_URL);
  try {
    const hash = await hashPassword(W.password);
    const region = await db.region.upsert({ where: { code: W.region.code }, create: W.region, update: {} });
    const department = await db.department.upsert({
      where: { regionId_code: { regionId: region.id, code: W.department.code } },
      create: { regionId: region.id, code: W.department.code, name: W.department.name },
      update: {},
    });
    const users = [await accountant(db, W.accountant, department.id, null, hash)];
    for (const unit of W.units) {
      const subUnit = await db.subUnit.upsert({
        where: { departmentId_code: { departmentId: department.id, code: unit.code } },
        create: { departmentId: department.id, code: unit.code, name: unit.name },
        update: {},
      });
      users.push(await accountant(db, unit.accountant, department.id, subUnit.id, hash));
    }
    for (const user of users) {
      const created = await createBudget(db, user, { departmentId: department.id, year: W.year });
      if (!created.ok && !/已存在/.test(created.message)) throw new Error(created.message);
    }
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(String(error instanceof Error ? error.stack : error));
  process.exit(1);
});
