import { membershipScope, type SessionUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";

/** A demo user as the session helper would build it. */
export async function sessionUser(db: Db, username: string): Promise<SessionUser> {
  const u = await db.user.findUniqueOrThrow({ where: { username }, include: { memberships: true } });
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    memberships: u.memberships.map(membershipScope),
  };
}

export async function budgetIdOf(db: Db, unit: string, year: number): Promise<number> {
  const b = await db.budget.findFirstOrThrow({ where: { year, subUnitId: null, department: { code: unit } } });
  return b.id;
}
