import type { SessionUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { sessionUser } from "./users";

/**
 * The demo region 500109 with two review stages, as the tests of a budget or a 决算 moving
 * through them need it: reviewer.500109 at 业务科室初审, a new budgetchief.500109 at 局领导审定.
 * (A demo seeded without its review stages: the tests build them themselves.)
 */
export async function twoReviewStages(db: Db): Promise<{ first: SessionUser; second: SessionUser }> {
  const region = await db.region.findUniqueOrThrow({ where: { code: "500109" } });
  const s1 = await db.reviewStage.create({ data: { regionId: region.id, position: 1, name: "业务科室初审" } });
  const s2 = await db.reviewStage.create({ data: { regionId: region.id, position: 2, name: "局领导审定" } });
  await db.membership.updateMany({ where: { user: { username: "reviewer.500109" } }, data: { reviewStageId: s1.id } });
  await db.user.create({
    data: {
      username: "budgetchief.500109",
      displayName: "预算科长",
      passwordHash: "x",
      memberships: { create: { role: "REVIEWER", regionId: region.id, reviewStageId: s2.id } },
    },
  });
  return { first: await sessionUser(db, "reviewer.500109"), second: await sessionUser(db, "budgetchief.500109") };
}
