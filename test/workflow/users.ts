import { membershipScope, type SessionUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";

/** The SessionUser of an existing account, memberships read from the database as at sign-in. */
export async function sessionUser(db: Db, username: string): Promise<SessionUser> {
  const u = await db.user.findUniqueOrThrow({ where: { username }, include: { memberships: true } });
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    memberships: u.memberships.map(membershipScope),
  };
}

/** A reviewer of `regionCode` (the region is created when missing). */
export async function createReviewer(db: Db, username: string, regionCode: string, regionName = "测试区"): Promise<SessionUser> {
  const region = await db.region.upsert({ where: { code: regionCode }, create: { code: regionCode, name: regionName }, update: {} });
  await db.user.create({
    data: { username, displayName: username, passwordHash: "x", memberships: { create: { role: "REVIEWER", regionId: region.id } } },
  });
  return sessionUser(db, username);
}
