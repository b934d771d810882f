"use client";
import Link from "next/link";

/** An unexpected server or rendering error, said in Chinese, with a way on. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="card" role="alert" data-testid="error-page">
      <h1>页面出错了</h1>
      <p>服务器处理请求时出现问题，您的数据没有因此改变。请稍后重试；如果反复出现，请联系系统管理员。</p>
      <p style={{ display: "flex", gap: "1rem", alignItems: "center" }}>
        <button type="button" onClick={() => reset()}>
          重试
        </button>
        <Link href="/">返回首页</Link>
      </p>
    </section>
  );
}
