import { hash, verify } from "@node-rs/argon2";
import bcrypt from "bcryptjs";

/**
 * Password hashes: argon2id (OWASP's minimum: 19 MiB, 2 passes), computed by @node-rs/argon2 on
 * libuv's thread pool, so a burst of sign-ins no longer stalls every other request on the event
 * loop as bcryptjs did. Hashes made before the switch (bcrypt, "$2…") are still verified and are
 * replaced by argon2id at the next successful sign-in (`needsRehash`).
 *
 * At most HASH_CONCURRENCY hashes run at once: the thread pool (4 threads) is shared with file
 * and DNS work, and a queue of 50 sign-ins should delay sign-ins, not the rest of the app.
 */
// algorithm 2 = Argon2id (a const enum, which isolatedModules cannot read).
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
export const HASH_CONCURRENCY = 2;

export { PASSWORD_MAX_CHARS } from "./password-limits";

let running = 0;
const waiting: (() => void)[] = [];

async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (running >= HASH_CONCURRENCY) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

export function hashPassword(password: string): Promise<string> {
  return limited(() => hash(password, ARGON2));
}

export function isLegacyHash(stored: string): boolean {
  return stored.startsWith("$2");
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  if (isLegacyHash(stored)) return limited(() => bcrypt.compare(password, stored));
  try {
    return await limited(() => verify(stored, password));
  } catch {
    // A malformed stored hash is a wrong password, not a crash of the sign-in.
    return false;
  }
}

/** True for hashes of an older scheme (bcrypt) that should be replaced after a successful sign-in. */
export function needsRehash(stored: string): boolean {
  return !stored.startsWith("$argon2id$");
}
