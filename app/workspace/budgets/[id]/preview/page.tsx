import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { budgetDisclosure } from "@/lib/db/queries/budget-disclosure";
import { DisclosureDocument } from "@/components/disclosure";
import { PrintButton } from "@/components/workspace/PrintButton";

export const metadata: Metadata = { title: "预览公开表" };

/** T1–T11 and the narrative exactly as they would be published from the saved budget. */
export default async function PreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePagePermission("budget.read", `/workspace/budgets/${id}/preview`);
  const disclosure = await budgetDisclosure(db(), user, Number(id));
  if (!disclosure) notFound();
  return (
    <section className="card draft-preview" data-testid="preview" data-watermark="草稿">
      <p className="muted no-print">
        以下为按已保存数据生成的公开文本和公开表（未保存的修改不在其中）。打印时只印预览本身，每页带“草稿”水印。 <PrintButton label="打印草稿" />
      </p>
      <DisclosureDocument tables={disclosure.tables} narrative={disclosure.narrative} />
    </section>
  );
}
