"use client";

/** An error in the root layout itself: the page frame is gone, so this page brings its own. */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="zh-CN">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "2rem" }}>
        <h1>页面出错了</h1>
        <p>服务器处理请求时出现问题。请稍后重试；如果反复出现，请联系系统管理员。</p>
        <button type="button" onClick={() => reset()}>
          重试
        </button>{" "}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- the root layout failed: a full page load, not a client navigation, starts it afresh */}
        <a href="/">返回首页</a>
      </body>
    </html>
  );
}
