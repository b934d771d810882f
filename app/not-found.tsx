import Link from "next/link";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "页面不存在" };

/** Every unknown address (and every notFound() without a page of its own), in Chinese. */
export default function NotFound() {
  return (
    <section className="card" data-testid="not-found">
      <h1>页面不存在</h1>
      <p>您访问的地址不存在，或者您没有查看它的权限。</p>
      <p>
        <Link href="/">返回公开预算首页</Link>
      </p>
    </section>
  );
}
