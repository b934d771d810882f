/**
 * Seeds the whole-cycle spec's world (budget-cycle-units-world.ts) through the app's own use
 * cases: budgets as each accountant's 新建预算 creates them, the stages as an administrator sets
 * them, the 控制数 as the bureau enters and issues them. Idempotent.
 */
import { hashPassword } from "@/lib/auth/password";
import { toSessionUser, type SessionUser } from "@/lib/auth/permissions";
import { createDb } from "@/lib/db/connect";
import { configureReviewStages } from "@/lib/workflow/configure-review-stages";
import { issueCeilings, saveCeilings } from "@/lib/workflow/manage-ceilings";
import { CYCLE_WORLD as W } from "./budget-cycle-units-world";
import { runScript } from "./run-script";
import { seedUnitsDepartment, upsertUser } from "./seed-units-department";

async function main() {
  const db = createDb(process.env.DATABASE_URL);
  try {
    const hash = await hashPassword(W.password);
    const { region, department } = await seedUnitsDepartment(db, W, hash);
    const reviewers: SessionUser[] = [];
    for (const stage of W.stages) reviewers.push(await upsertUser(db, stage.reviewer, "REVIEWER", { regionId: region.id }, hash));
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
