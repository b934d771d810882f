import { toSessionUser, type SessionUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";

/** The SessionUser of an existing account, memberships read as at sign-in (scripts, tests, seeds). */
export async function sessionUserByName(db: Db, username: string): Promise<SessionUser> {
  return toSessionUser(await db.user.findUniqueOrThrow({ where: { username }, include: { memberships: true } }));
}
