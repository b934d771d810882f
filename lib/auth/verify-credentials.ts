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
  if (!rateLimiter.allow(`user:${name.toLowerCase()}`) || !rateLimiter.allow(`addr:${address}`)) return null;
  const user = await db().user.findUnique({ where: { username: name } });
  const ok = await bcrypt.compare(password, user?.passwordHash ?? (await (dummyHash ??= bcrypt.hash(randomUUID(), BCRYPT_COST))));
  if (!user || !ok || !user.active) return null;
  rateLimiter.reset(`user:${name.toLowerCase()}`);
  return user;
}
