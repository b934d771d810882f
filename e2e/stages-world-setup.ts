/**
 * Run by stages.spec.ts (tsx, DATABASE_URL = the e2e server's database) after seedDistrict: a
 * second reviewer of the region (budgetchief.<region>) and the region's two review stages, set
 * through the use case an administrator's would call. Idempotent. Argument: the region code.
 */
import { hashPassword } from "@/lib/auth/password";
import { toSessionUser, type SessionUser } from "@/lib/auth/permissions";
import { createDb } from "@/lib/db/connect";
import { DEMO_PASSWORD } from "@/lib/db/demo";
import { configureReviewStages } from "@/lib/workflow/configure-review-stages";
import { runScript } from "./run-script";

async function main() {
  const region = process.argv[2]!;
  const db = createDb(process.env.DATABASE_URL);
  try {
    const row = await db.region.findUniqueOrThrow({ where: { code: region } });
    const chief = `budgetchief.${region}`;
    if (!(await db.user.findUnique({ where: { username: chief } }))) {
      await db.user.create({
        data: {
          username: chief,
          displayName: `${row.name}分管局领导`,
          passwordHash: await hashPassword(DEMO_PASSWORD),
          memberships: { create: { role: "REVIEWER", regionId: row.id } },
        },
      });
    }
    if ((await db.reviewStage.count({ where: { regionId: row.id } })) === 0) {
      const admin = await db.user.findUniqueOrThrow({ where: { username: "admin" }, include: { memberships: true } });
      const actor: SessionUser = toSessionUser(admin);
      const result = await configureReviewStages(db, actor, {
        regionCode: region,
        stages: [
          { name: "业务科室初审", reviewers: [`reviewer.${region}`] },
          { name: "局领导审定", reviewers: [chief] },
        ],
      });
      if (!result.ok) throw new Error(result.message);
    }
  } finally {
    await db.$disconnect();
  }
}

runScript(main);
