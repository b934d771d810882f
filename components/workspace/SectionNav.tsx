"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useMemo } from "react";
import { SECTION_ORDER, SECTIONS, sectionOfPath, type SectionId } from "@/lib/workspace/sections";
import { sectionOfComment } from "@/lib/workspace/comment-sections";
import { useEditor } from "./EditorContext";

type Counts = { comments: number; errors: number; warnings: number };

/**
 * The sections of the budget, each marked with what waits there: open review comments, errors
 * and warnings (of the open section as typed, of the others as saved).
 */
export function SectionNav({ budgetId }: { budgetId: number }) {
  const pathname = usePathname();
  const editor = useEditor();
  const findings = editor.live?.findings ?? editor.savedFindings;
  const counts = useMemo(() => {
    const map = new Map<SectionId, Counts>();
    const of = (id: SectionId) => map.get(id) ?? (map.set(id, { comments: 0, errors: 0, warnings: 0 }), map.get(id)!);
    for (const c of editor.comments) {
      const id = sectionOfComment(c.section);
      if (id && !c.resolvedAt) of(id).comments++;
    }
    for (const f of findings) {
      const id = sectionOfPath(f.path);
      if (id) of(id)[f.severity === "error" ? "errors" : "warnings"]++;
    }
    return map;
  }, [editor.comments, findings]);
  const base = `/workspace/budgets/${budgetId}`;
  const links = [
    { href: base, label: "概况与流转" },
    ...SECTION_ORDER.map((id) => ({ href: `${base}/${id}`, label: SECTIONS[id].label, counts: counts.get(id) })),
    { href: `${base}/preview`, label: "预览公开表" },
    { href: `${base}/import`, label: "导入与下载" },
  ] as { href: string; label: string; counts?: Counts }[];
  return (
    <nav className="sections card" aria-label="预算各部分">
      {links.map((l) => (
        <Link key={l.href} href={l.href} aria-current={pathname === l.href ? "page" : undefined}>
          {l.label}
          {l.counts ? <Badges counts={l.counts} /> : null}
        </Link>
      ))}
    </nav>
  );
}

function Badges({ counts }: { counts: Counts }) {
  return (
    <span className="nav-badges">
      {counts.comments > 0 ? (
        <span className="nav-badge comment" title={`${counts.comments} 条未答复的审核意见`}>
          意见 {counts.comments}
        </span>
      ) : null}
      {counts.errors > 0 ? (
        <span className="nav-badge error" title={`${counts.errors} 个错误`}>
          错 {counts.errors}
        </span>
      ) : null}
      {counts.warnings > 0 ? (
        <span className="nav-badge warn" title={`${counts.warnings} 个提示`}>
          提示 {counts.warnings}
        </span>
      ) : null}
    </span>
  );
}
