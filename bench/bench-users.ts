/**
 * Users for the measures that act as someone: a district reviewer and department accountants,
 * stored with their memberships like real ones (the scopes are read from the SessionUser data
 * the app builds at sign-in, lib/auth/permissions.ts).
 */
import type { SessionUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";

// Nobody signs in as these users; the hash only has to be a non-empty string.
const NO_PASSWORD = "!bench-user-cannot-sign-in";

export async function createReviewer(db: Db, regionId: number, regionCode: string): Promise<SessionUser> {
  const user = await db.user.create({
    data: {
      username: `bench.reviewer.${regionCode}`,
      displayName: `基准测试审核员 ${regionCode}`,
      passwordHash: NO_PASSWORD,
      memberships: { create: { role: "REVIEWER", regionId } },
    },
  });
  return { id: user.id, username: user.username, displayName: user.displayName, memberships: [{ role: "REVIEWER", regionId, departmentId: null }] };
}

export async function createAccountant(db: Db, departmentId: number): Promise<SessionUser> {
  const user = await db.user.create({
    data: {
      username: `bench.accountant.${departmentId}`,
      displayName: `基准测试会计 ${departmentId}`,
      passwordHash: NO_PASSWORD,
      memberships: { create: { role: "ACCOUNTANT", departmentId } },
    },
  });
  return { id: user.id, username: user.username, displayName: user.displayName, memberships: [{ role: "ACCOUNTANT", departmentId, regionId: null }] };
}

/** A reviewer of every district of the city (the city finance bureau's overview). */
export async function createCityReviewer(db: Db, regionIds: number[]): Promise<SessionUser> {
  const user = await db.user.create({
    data: {
      username: "bench.reviewer.city",
      displayName: "基准测试市级审核员",
      passwordHash: NO_PASSWORD,
      memberships: { create: regionIds.map((regionId) => ({ role: "REVIEWER" as const, regionId })) },
    },
  });
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    memberships: regionIds.map((regionId) => ({ role: "REVIEWER" as const, regionId, departmentId: null })),
  };
}
