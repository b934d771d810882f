import type { Metadata } from "next";
import { safeCallbackPath } from "@/lib/auth/safe-callback";
import { SignInForm } from "./SignInForm";

export const metadata: Metadata = { title: "登录" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  // Only this site's own paths: an open redirect after sign-in would be a phishing aid. Any origin
  // serves to resolve against; only the path that stays on it is kept. Without one (or with an
  // unsafe one) /start sends each role to its own start page, known only once signed in.
  const target = safeCallbackPath(callbackUrl, "http://mingzhang.invalid", "/start");
  return (
    <div className="card" style={{ maxWidth: 420, margin: "2rem auto" }}>
      <h1>登录明账</h1>
      <p className="muted">部门会计、财政局审核员和系统管理员请用分配的账号登录。公众无需登录即可查看已公开的预算。</p>
      <SignInForm callbackUrl={target} />
    </div>
  );
}
