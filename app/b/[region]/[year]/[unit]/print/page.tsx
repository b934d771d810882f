import { formatDay } from "@/lib/format";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DisclosureDocument } from "@/components/disclosure";
import { readPublished } from "@/lib/public/read-published";
import { cachedPublishedBudget } from "@/lib/public/published-cache";
import { parsePublicKey } from "@/lib/public/public-key";

// The print view reads ?v= (a link to one exact snapshot), so it is rendered per request.
export const dynamic = "force-dynamic";

type Params = Promise<{ region: string; year: string; unit: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const p = await params;
  const key = parsePublicKey(p.region, p.year, p.unit);
  const budget = key ? await readPublished((d) => cachedPublishedBudget(d, key)) : null;
  return { title: budget ? `${budget.unit.name}${budget.year}年部门预算（打印版）` : "未找到" };
}

/**
 * The printable disclosure: narrative then one table per page, for the browser's own 打印. The
 * PDF download is drawn from the same table layouts (lib/export/pdf), not from this page.
 */
export default async function PrintPage({ params, searchParams }: { params: Params; searchParams: Promise<{ v?: string }> }) {
  const p = await params;
  const key = parsePublicKey(p.region, p.year, p.unit);
  const budget = key ? await readPublished((d) => cachedPublishedBudget(d, key)) : null;
  const { v } = await searchParams;
  // ?v=<snapshot id> asks for that exact version: anything else is gone.
  if (!budget || (v !== undefined && v !== String(budget.snapshotId))) notFound();
  return (
    <div className="dz-print">
      <p className="muted dz-noprint">打印版：使用浏览器的“打印”即可打印，每张表单独一页（PDF 下载另有封面和目录）。</p>
      <DisclosureDocument tables={budget.tables} narrative={budget.narrative} />
      <p className="muted" data-testid="published-at">
        公开日期：{formatDay(budget.publishedAt)}
        {budget.sequence > 1 ? `（预算调整后第 ${budget.sequence} 版，替代此前公开的版本）` : ""}
      </p>
    </div>
  );
}
