"use client";
import { useState } from "react";
import { signIn } from "next-auth/react";
import { LOCKED_OUT_PREFIX } from "@/lib/auth/lockout-message";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const username = String(form.get("username") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!username) return setError("请填写用户名");
    if (!password) return setError("请填写密码");
    setPending(true);
    setError(null);
    const result = await signIn("credentials", { username, password, redirect: false });
    setPending(false);
    if (!result || result.error) {
      // A lock-out says how long to wait (尝试次数过多，请 N 分钟后再试); anything else is the one
      // generic answer, which does not tell whether the account exists.
      setError(result?.error?.startsWith(LOCKED_OUT_PREFIX) ? result.error : "用户名或密码错误");
      return;
    }
    window.location.assign(callbackUrl);
  }

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      <label>
        用户名
        <input name="username" autoComplete="username" required />
      </label>
      <label>
        密码
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" disabled={pending}>
        {pending ? "正在登录…" : "登录"}
      </button>
    </form>
  );
}
