import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
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
        const address = String(req?.headers?.["x-forwarded-for"] ?? req?.headers?.["x-real-ip"] ?? "local");
        const user = await verifyCredentials(credentials?.username ?? "", credentials?.password ?? "", address);
        return user ? { id: String(user.id), name: user.displayName } : null;
      },
    }),
  ],
  callbacks: {
    // The token carries only the user id; roles are read from the database on every request
    // (lib/auth/session.ts), so a revoked membership takes effect at once.
    async jwt({ token, user }) {
      if (user) token.uid = Number(user.id);
      return token;
    },
    async session({ session, token }) {
      (session as unknown as { uid?: number }).uid = typeof token.uid === "number" ? token.uid : undefined;
      return session;
    },
  },
};

export type { SessionUser };
