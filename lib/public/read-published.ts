import { cookies } from "next/headers";
import { db, type Db } from "@/lib/db/client";
import { replicaRouter } from "@/lib/db/replica";

// next-auth's session cookie (split into .0, .1… when large).
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

function isSessionCookie(name: string): boolean {
  return SESSION_COOKIES.some((n) => name === n || name.startsWith(`${n}.`));
}

/** Whether a raw Cookie header carries a session (for a caller that answers before Next's router). */
export function hasSessionCookie(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(";").some((pair) => isSessionCookie(pair.slice(0, pair.includes("=") ? pair.indexOf("=") : undefined).trim()));
}

/** Whether the request carries a session (cookies only: no session is decoded on public pages). */
export async function signedIn(): Promise<boolean> {
  try {
    const jar = await cookies();
    return jar.getAll().some((c) => isSessionCookie(c.name));
  } catch {
    // Outside a request (a script): nobody is signed in.
    return false;
  }
}

/**
 * Runs a read of published snapshots for the public side (pages under /b, the home page, the
 * open-data API) on the read replica when one is configured and healthy (lib/db/replica.ts),
 * else on the primary. A signed-in user reads the primary: a reviewer who has just published
 * sees the new version at once, however far the replica is behind. A read the replica fails is
 * answered by the primary, and the replica is set aside until it checks healthy again.
 * `reader` says who reads when the caller knows it (the front door, which has no Next request);
 * else the request's cookies say it.
 */
export async function readPublished<T>(read: (db: Db) => Promise<T>, reader?: { signedIn: boolean }): Promise<T> {
  const router = replicaRouter();
  if (!router || (reader ? reader.signedIn : await signedIn())) return read(db());
  const choice = router.choose();
  if (!choice.replica) return read(choice.db);
  try {
    return await read(choice.db);
  } catch (error) {
    router.failed(error);
    return read(db());
  }
}
