import bcrypt from "bcryptjs";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { rateLimiter } from "./rate-limit";

// bcrypt cost 12 ≈ 250 ms per check here: slow enough against guessing, fast enough to sign in.
export const BCRYPT_COST = 12;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

// Compared against when the user does not exist, so that the answer time does not tell which
// usernames exist.
let dummyHash: Promise<string> | undefined;

export async function verifyCredentials(username: string, password: string, address: string) {
  const name = username.trim();
  if (!name || !password || name.length > 100 || password.length > 200) return null;
  const accountKey = `user:${name.toLowerCase()}`;
  const addressKey = `addr:${address}`;
  // Both counted up front; a blocked account or address is refused before any hash is checked.
  const accountAllowed = rateLimiter.allow(accountKey);
  const addressAllowed = rateLimiter.allow(addressKey);
  if (!accountAllowed || !addressAllowed) return null;
  const user = await db().user.findUnique({ where: { username: name } });
  const ok = await bcrypt.compare(password, user?.passwordHash ?? (await (dummyHash ??= bcrypt.hash(randomUUID(), BCRYPT_COST))));
  if (!user || !ok || !user.active) return null;
  // Success: the account starts afresh and the address gets this attempt back.
  rateLimiter.reset(accountKey);
  rateLimiter.forgive(addressKey);
  return user;
}
