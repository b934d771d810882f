"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

/**
 * A citizen following a link to a budget that is not (yet) published: say so plainly and lead
 * to what is published. (A not-found page receives no params; the address is read instead.)
 */
export default function BudgetNotFound() {
  const [, , region, year] = (usePathname() ?? "").split("/");
  const listable = /^\d{6}$/.test(region ?? "") && /^\d{4}$/.test(year ?? "");
  return (
    <section className="card" data-testid="not-found">
      <h1>该预算尚未公开或不存在</h1>
      <p>部门预算经财政部门审核、公开后才能在这里查看。请核对地址，或从已公开的预算中查找。</p>
      <ul>
        {listable ? (
          <li>
            <Link href={`/b/${region}/${year}`}>{year} 年已公开的部门预算</Link>
          </li>
        ) : null}
        <li>
          <Link href="/">全部已公开的部门预算</Link>
        </li>
      </ul>
    </section>
  );
}
