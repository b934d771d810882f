import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { budgetDisclosure } from "@/lib/db/queries/budget-disclosure";
import { DisclosureDocument } from "@/components/disclosure";

export const metadata: Metadata = { title: "预览公开表" };

/** T1–T11 and the narrative exactly as they would be published from the saved budget. */
export default async function PreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePagePermission("budget.read", `/workspace/budgets/${id}/preview`);
  const disclosure = await budgetDisclosure(db(), user, Number(id));
  if (!disclosure) notFound();
  return (
    <section className="card" data-testid="preview">
      <p className="muted">以下为按已保存数据生成的公开文本和公开表（未保存的修改不在其中）。</p>
      <DisclosureDocument tables={disclosure.tables} narrative={disclosure.narrative} />
    </section>
  );
}
