import type { SessionUser } from "@/lib/auth/permissions";
import { sessionUserByName as sessionUser } from "@/lib/db/queries/session-user";

export { sessionUser };
import type { Db } from "@/lib/db/client";

/** A reviewer of `regionCode` (the region is created when missing). */
export async function createReviewer(db: Db, username: string, regionCode: string, regionName = "测试区"): Promise<SessionUser> {
  const region = await db.region.upsert({ where: { code: regionCode }, create: { code: regionCode, name: regionName }, update: {} });
  await db.user.create({
    data: { username, displayName: username, passwordHash: "x", memberships: { create: { role: "REVIEWER", regionId: region.id } } },
  });
  return sessionUser(db, username);
}
