import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { safeCallbackPath } from "@/lib/auth/safe-callback";

const handler = NextAuth(authOptions);

/**
 * next-auth checks a `callbackUrl` query parameter before any callback of ours runs, and answers
 * one it cannot parse (…?callbackUrl=http://localhost:3000.evil.example/) with a 500 page in
 * English. The parameter is reduced to this site's own path first (lib/auth/safe-callback.ts);
 * the `redirect` callback does the same for the form's field.
 */
async function guarded(req: NextRequest, context: unknown) {
  const url = new URL(req.url);
  const requested = url.searchParams.get("callbackUrl");
  if (requested !== null) {
    const safe = safeCallbackPath(requested, process.env.NEXTAUTH_URL ?? url.origin, "/");
    if (safe !== requested) {
      url.searchParams.set("callbackUrl", safe);
      const body = req.method === "GET" || req.method === "HEAD" ? undefined : await req.arrayBuffer();
      req = new NextRequest(url, { method: req.method, headers: req.headers, body });
    }
  }
  return (handler as (req: NextRequest, context: unknown) => Promise<Response>)(req, context);
}

export { guarded as GET, guarded as POST };
