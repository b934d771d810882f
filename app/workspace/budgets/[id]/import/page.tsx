import type { Metadata } from "next";
import { ImportPanel } from "@/components/workspace/ImportPanel";
import { WorkbookPanel } from "@/components/workspace/WorkbookPanel";

export const metadata: Metadata = { title: "导入与下载" };

// The layout has checked that the user may read this budget; the actions check again.
export default async function ImportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <>
      <section className="card">
        <h2 style={{ marginTop: 0 }}>下载预算包</h2>
        <p className="muted">把当前已保存的预算下载为预算包（budget-package/1，JSON），可用于备份、交换或导入下一年度。</p>
        <a className="button secondary" href={`/api/budgets/${id}/package`} download data-testid="download-package">
          下载预算包（JSON）
        </a>
      </section>
      <WorkbookPanel />
      <ImportPanel />
    </>
  );
}
