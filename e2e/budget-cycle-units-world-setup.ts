/**
 * Seeds the whole-cycle spec's world (budget-cycle-units-world.ts) through the app's own use
 * cases: budgets as each accountant's 新建预算 creates them, the stages as an administrator sets
 * them, the 控制数 as the bureau enters and issues them. Idempotent.
 */
import { hashPassword } from "@/lib/auth/password";
import { toSessionUser, type Role, type SessionUser } from "@/lib/auth/permissions";
import { createDb, type Db } from "@/lib/db/connect";
import { configureReviewStages } from "@/lib/workflow/configure-review-stages";
import { createBudget } from "@/lib/workflow/create-budget";
import { issueCeilings, saveCeilings } from "@/lib/workflow/manage-ceilings";
import { CYCLE_WORLD as W } from "./budget-cycle-units-world";
import { runScript } from "./run-script";

async function user(db: Db, username: string, role: Role, scope: { departmentId?: number; subUnitId?: number; regionId?: number }, hash: string) {
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
    const accountants: SessionUser[] = [await user(db, W.accountant, "ACCOUNTANT", { departmentId: department.id }, hash)];
    for (const unit of W.units) {
      const subUnit = await db.subUnit.upsert({
        where: { departmentId_code: { departmentId: department.id, code: unit.code } },
        create: { departmentId: department.id, code: unit.code, name: unit.name },
        update: {},
      });
      accountants.push(await user(db, unit.accountant, "ACCOUNTANT", { departmentId: department.id, subUnitId: subUnit.id }, hash));
    }
    const reviewers: SessionUser[] = [];
    for (const stage of W.stages) reviewers.push(await user(db, stage.reviewer, "REVIEWER", { regionId: region.id }, hash));
    for (const accountant of accountants) {
      const created = await createBudget(db, accountant, { departmentId: department.id, year: W.year });
      if (!created.ok && !/已存在/.test(created.message)) throw new Error(created.message);
    }
    if ((await db.reviewStage.count({ where: { regionId: region.id } })) === 0) {
      const admin = toSessionUser(await db.user.findUniqueOrThrow({ where: { username: "admin" }, include: { memberships: true } }));
      const staged = await configureReviewStages(db, admin, {
        regionCode: W.region.code,
        stages: W.stages.map((s) => ({ name: s.name, reviewers: [s.reviewer] })),
      });
      if (!staged.ok) throw new Error(staged.message);
    }
    if ((await db.ceiling.count({ where: { departmentId: department.id, year: W.year } })) === 0) {
      const bureau = reviewers[0]!;
      const saved = await saveCeilings(db, bureau, {
        regionCode: W.region.code,
        year: W.year,
        entries: [{ departmentCode: W.department.code, fund: "generalBudget", kind: "basic", projectCode: "", amount: W.ceiling }],
      });
      if (!saved.ok) throw new Error(saved.message);
      const issued = await issueCeilings(db, bureau, { regionCode: W.region.code, year: W.year });
      if (!issued.ok) throw new Error(issued.message);
    }
  } finally {
    await db.$disconnect();
  }
}

runScript(main);
