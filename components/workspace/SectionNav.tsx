"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { SECTION_ORDER, SECTIONS } from "@/lib/workspace/sections";

export function SectionNav({ budgetId }: { budgetId: number }) {
  const pathname = usePathname();
  const base = `/workspace/budgets/${budgetId}`;
  const links = [
    { href: base, label: "概况与流转" },
    ...SECTION_ORDER.map((id) => ({ href: `${base}/${id}`, label: SECTIONS[id].label })),
    { href: `${base}/preview`, label: "预览公开表" },
    { href: `${base}/import`, label: "导入与下载" },
  ];
  return (
    <nav className="sections card" aria-label="预算各部分">
      {links.map((l) => (
        <Link key={l.href} href={l.href} aria-current={pathname === l.href ? "page" : undefined}>
          {l.label}
        </Link>
      ))}
    </nav>
  );
}
