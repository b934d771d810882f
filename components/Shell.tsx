import Link from "next/link";
import type { ReactNode } from "react";
import { currentUser } from "@/lib/auth/session";
import { hasPermission, ROLE_LABELS } from "@/lib/auth/permissions";
import { SignOutButton } from "./SignOutButton";

export async function Shell({ children }: { children: ReactNode }) {
  const user = await currentUser();
  const roles = [...new Set(user?.memberships.map((m) => ROLE_LABELS[m.role]) ?? [])].join("、");
  return (
    <>
      <header className="shell">
        <div className="inner">
          <Link href="/" className="brand">明账</Link>
          <nav>
            <Link href="/">公开预算</Link>
            {user && hasPermission(user, "budget.edit") ? <Link href="/workspace">我的预算</Link> : null}
            {user && hasPermission(user, "budget.review") ? <Link href="/review">审核</Link> : null}
            {user && hasPermission(user, "admin.users") ? <Link href="/admin">系统管理</Link> : null}
          </nav>
          <div className="who">
            {user ? (
              <>
                <span data-testid="current-user">{user.displayName}（{roles}）</span>
                <SignOutButton />
              </>
            ) : (
              <Link href="/signin">登录</Link>
            )}
          </div>
        </div>
      </header>
      <main>{children}</main>
    </>
  );
}
