import "server-only";
import { getServerSession } from "next-auth";
import { notFound, redirect } from "next/navigation";
import { db, type Db } from "@/lib/db/client";
import { authOptions } from "./options";
import { hasPermission, toSessionUser, type Permission, type SessionUser } from "./permissions";

/**
 * The user a session token names, with memberships read fresh from the database, or null when
 * the account is gone, inactive, or its session version moved on since the token was issued.
 */
export async function sessionUser(database: Db, uid: unknown, sessionVersion: unknown): Promise<SessionUser | null> {
  if (typeof uid !== "number" || !Number.isSafeInteger(uid) || typeof sessionVersion !== "number") return null;
  const user = await database.user.findFirst({ where: { id: uid, active: true, sessionVersion }, include: { memberships: true } });
  if (!user) return null;
  return toSessionUser(user);
}

/** The signed-in user, or null. */
export async function currentUser(): Promise<SessionUser | null> {
  const session = (await getServerSession(authOptions)) as unknown as { uid?: number; sv?: number } | null;
  return sessionUser(db(), session?.uid, session?.sv);
}

/**
 * For pages: a signed-out visitor is sent to sign in; a user without the permission sees
 * "not found", the same answer as for a record outside their scope.
 */
export async function requirePagePermission(permission: Permission, callbackUrl = "/"): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  if (!hasPermission(user, permission)) notFound();
  return user;
}

/** For route handlers and server actions: null when signed out or not permitted. */
export async function permittedUser(permission: Permission): Promise<SessionUser | null> {
  const user = await currentUser();
  return user && hasPermission(user, permission) ? user : null;
}
