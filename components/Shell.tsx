import Link from "next/link";
import type { ReactNode } from "react";
import { AccountNav } from "./AccountNav";

/** The page frame. Static: who is signed in is filled in by the browser (AccountNav). */
export function Shell({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="shell">
        <div className="inner">
          <Link href="/" className="brand">
            明账
          </Link>
          <AccountNav />
        </div>
      </header>
      <main>{children}</main>
    </>
  );
}
