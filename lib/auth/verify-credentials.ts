import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { hashPassword, needsRehash, PASSWORD_MAX_CHARS, verifyPassword } from "./password";
import { createSignInAttempts } from "./signin-attempts";

// Compared against when the user does not exist, so that the answer time does not tell which
// usernames exist.
let dummyHash: Promise<string> | undefined;

// In the database, not in memory: every app server behind a balancer counts the same attempts.
const attempts = createSignInAttempts(db);

export type CredentialsResult =
  | { ok: true; user: { id: number; username: string; displayName: string; sessionVersion: number } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; retryAfterMs: number };

export async function verifyCredentials(username: string, password: string, address: string): Promise<CredentialsResult> {
  if (typeof username !== "string" || typeof password !== "string") return { ok: false, reason: "invalid" };
  const name = username.normalize("NFC").trim();
  if (!name || !password || name.length > 100 || password.length > PASSWORD_MAX_CHARS) return { ok: false, reason: "invalid" };
  const accountKey = `user:${name.toLowerCase()}`;
  const addressKey = `addr:${address}`;
  // Both counted up front; a blocked account or address is refused before any hash is checked.
  const verdict = await attempts.attempt([accountKey, addressKey]);
  if (!verdict.allowed) return { ok: false, reason: "locked", retryAfterMs: verdict.retryAfterMs };
  const user = await db().user.findUnique({ where: { username: name } });
  const ok = await verifyPassword(user?.passwordHash ?? (await (dummyHash ??= hashPassword(randomUUID()))), password);
  if (!user || !ok || !user.active) return { ok: false, reason: "invalid" };
  // Success: the account starts afresh and the address gets this attempt back.
  await attempts.reset(accountKey);
  await attempts.forgive(addressKey);
  if (needsRehash(user.passwordHash)) {
    // A bcrypt hash from before argon2id: replaced now that the password is known. Conditional on
    // the old hash, so a reset that happened meanwhile is never overwritten.
    const passwordHash = await hashPassword(password);
    await db().user.updateMany({ where: { id: user.id, passwordHash: user.passwordHash }, data: { passwordHash } });
  }
  return { ok: true, user: { id: user.id, username: user.username, displayName: user.displayName, sessionVersion: user.sessionVersion } };
}
