"use client";
import Link from "next/link";
import { useEffect, useState } from "react";
import { usePathname } from "next/navigation";

type Me = { signedIn: false } | { signedIn: true; displayName: string; roles: string[]; links: { href: string; label: string }[] };

/**
 * The signed-in part of the header, fetched by the browser: the pages around it never read the
 * session themselves, so public pages can be rendered once and cached.
 */
export function AccountNav() {
  const pathname = usePathname();
  const [me, setMe] = useState<Me | null>(null);
  useEffect(() => {
    let live = true;
    fetch("/api/me", { cache: "no-store" })
      .then((r) => r.json() as Promise<Me>)
      .then((m) => live && setMe(m))
      .catch(() => live && setMe({ signedIn: false }));
    return () => {
      live = false;
    };
  }, [pathname]);
  return (
    <>
      <nav>
        <Link href="/">公开预算</Link>
        {me?.signedIn
          ? me.links.map((l) => (
              <Link key={l.href} href={l.href}>
                {l.label}
              </Link>
            ))
          : null}
      </nav>
      <div className="who">
        {me === null ? null : me.signedIn ? (
          <>
            <span data-testid="current-user">
              {me.displayName}（{me.roles.join("、")}）
            </span>
            <SignOutButton />
          </>
        ) : (
          <Link href="/signin">登录</Link>
        )}
      </div>
    </>
  );
}

/** next-auth's sign-out (CSRF token, then POST), without shipping next-auth's client library to every page. */
function SignOutButton() {
  return (
    <button
      type="button"
      className="secondary"
      onClick={async () => {
        const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
        await fetch("/api/auth/signout", {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ csrfToken, callbackUrl: "/", json: "true" }),
        });
        // A whole new page after signing out: nothing of the session stays in the client.
        window.location.replace(new URL("/", window.location.origin));
      }}
    >
      退出登录
    </button>
  );
}
