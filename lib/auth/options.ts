import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db/client";
import { CLIENT_ADDRESS_HEADER } from "./client-address";
import { lockedOutMessage } from "./rate-limit";
import { safeCallbackPath } from "./safe-callback";
import { verifyCredentials } from "./verify-credentials";
import type { SessionUser } from "./permissions";

import { SESSION_MAX_AGE_S } from "./session-age";

export { SESSION_MAX_AGE_S };

export const authOptions: NextAuthOptions = {
  // Sessions end after SESSION_MAX_AGE_S and are refreshed at most every 15 minutes.
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S, updateAge: 15 * 60 },
  jwt: { maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "用户名和密码",
      credentials: {
        username: { label: "用户名", type: "text" },
        password: { label: "密码", type: "password" },
      },
      async authorize(credentials, req) {
        // Set by instrumentation.ts from the TCP peer, or from a trusted proxy's hop (TRUST_PROXY).
        const address = String(req?.headers?.[CLIENT_ADDRESS_HEADER] ?? "unknown");
        const result = await verifyCredentials(credentials?.username ?? "", credentials?.password ?? "", address);
        // next-auth hands a thrown message to the sign-in form as `error`; only this one is shown.
        if (!result.ok && result.reason === "locked") throw new Error(lockedOutMessage(result.retryAfterMs));
        if (!result.ok) return null;
        return { id: String(result.user.id), name: result.user.displayName, sv: result.user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    // The token carries the user id and the session version; roles are read from the database on
    // every request and the version compared (lib/auth/session.ts), so a revoked membership, a
    // reset password or a sign-out ends the session at once.
    async jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.sv = (user as unknown as { sv: number }).sv;
      }
      return token;
    },
    async session({ session, token }) {
      const s = session as unknown as { uid?: number; sv?: number };
      const uid = typeof token.uid === "number" ? token.uid : undefined;
      const sv = typeof token.sv === "number" ? token.sv : undefined;
      // /api/auth/session answers "signed out" for a token whose version has moved on, as the
      // pages do.
      const current = uid !== undefined && sv !== undefined && (await db().user.count({ where: { id: uid, sessionVersion: sv, active: true } })) === 1;
      s.uid = current ? uid : undefined;
      s.sv = current ? sv : undefined;
      return session;
    },
    // next-auth's own callbackUrl (e.g. /api/auth/signin?callbackUrl=…) stays on this site too.
    async redirect({ url, baseUrl }) {
      return new URL(safeCallbackPath(url, baseUrl, "/"), baseUrl).toString();
    },
  },
  events: {
    // Signing out ends every session of the account: a copy of the token (replayed, or on
    // another device) stops working with the one the user threw away.
    async signOut({ token }) {
      const uid = (token as { uid?: unknown } | null)?.uid;
      if (typeof uid === "number") await db().user.updateMany({ where: { id: uid }, data: { sessionVersion: { increment: 1 } } });
    },
  },
};

export type { SessionUser };
