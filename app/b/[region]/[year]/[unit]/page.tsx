import { formatDay } from "@/lib/format";
import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { notFound } from "next/navigation";
import { DisclosureDocument } from "@/components/disclosure";
import { DownloadLink } from "@/components/DownloadLink";
import { BudgetCharts } from "@/components/disclosure/portal/BudgetCharts";
import { CompareWithLastYear } from "@/components/disclosure/portal/CompareWithLastYear";
import { NarrativeFigureLinks } from "@/components/trace/NarrativeFigureLinks";
import { DocumentTabs } from "@/components/disclosure/portal/DocumentTabs";
import { findPublishedFinal } from "@/lib/db/queries/public-snapshots";
import { readPublished } from "@/lib/public/read-published";
import { cachedPublishedBudget } from "@/lib/public/published-cache";
import { publishedNarrativeLinks } from "@/lib/public/published-trace";
import { tableLayouts } from "@/lib/public/layout";
import { apiPath, budgetPath, finalPath, parsePublicKey } from "@/lib/public/public-key";

// Rendered per request from the snapshot cache (lib/public/published-cache.ts), never from
// Next's URL-keyed page cache on disk (shared by every server of the checkout, unbounded).
export const dynamic = "force-dynamic";

type Params = Promise<{ region: string; year: string; unit: string }>;

// The page and its metadata both need the snapshot: read it once per render (React's cache
// compares the primitive arguments).
const published = cache(async (region: string, year: string, unit: string) => {
  const key = parsePublicKey(region, year, unit);
  if (!key) return { key, budget: null, hasFinal: false };
  const [budget, final] = await Promise.all([readPublished((d) => cachedPublishedBudget(d, key)), readPublished((d) => findPublishedFinal(d, key))]);
  return { key, budget, hasFinal: final !== null };
});

async function load(params: Params) {
  const p = await params;
  const { key, budget, hasFinal } = await published(p.region, p.year, p.unit);
  if (!key || !budget) notFound();
  return { key, budget, hasFinal };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const p = await params;
  const { budget } = await published(p.region, p.year, p.unit);
  return { title: budget ? `${budget.unit.name}${budget.year}年部门预算` : "未找到" };
}

export default async function PublishedBudgetPage({ params }: { params: Params }) {
  const { key, budget, hasFinal } = await load(params);
  const v = `?v=${budget.snapshotId}`;
  const api = apiPath(key);
  const grids = tableLayouts(budget.tables);
  const trace = `${budgetPath(key)}/trace`;
  return (
    <>
      <p className="muted">
        <Link href="/">公开预算</Link> /{" "}
        <Link href={`/b/${key.region}/${key.year}`}>
          {budget.region.name} {budget.year} 年
        </Link>
      </p>
      <h1>
        {budget.unit.name} {budget.year} 年部门预算
      </h1>
      {hasFinal ? <DocumentTabs current="budget" budgetHref={null} finalHref={finalPath(key)} /> : null}
      <p data-testid="published-at">
        公开日期：<time dateTime={budget.publishedAt.toISOString()}>{formatDay(budget.publishedAt)}</time>
        <span className="muted">
          （部门编码 {budget.unit.code}，{budget.region.name}）
        </span>
      </p>
      {budget.sequence > 1 ? (
        <p className="dz-adjusted" role="note" data-testid="adjusted-note">
          本版本为预算调整后重新公开的第 {budget.sequence} 版，已替代 {formatDay(budget.firstPublishedAt)} 首次公开的版本。
        </p>
      ) : null}
      <nav className="dz-downloads" aria-label="下载">
        <DownloadLink className="button" href={`${api}/report.pdf${v}`}>
          下载 PDF
        </DownloadLink>
        <DownloadLink className="button secondary" href={`${api}/tables.xlsx${v}`}>
          下载 Excel
        </DownloadLink>
        <a className="button secondary" href={`${api}${v}`}>
          JSON 数据
        </a>
        <a className="button secondary" href={`/api/open/lines.csv?region=${key.region}&year=${key.year}&unit=${key.unit}`}>
          支出明细 CSV
        </a>
        <Link className="button secondary" href={`${budgetPath(key)}/print`}>
          打印版
        </Link>
      </nav>

      <section className="card" aria-labelledby="charts">
        <h2 id="charts">图表</h2>
        <BudgetCharts tables={budget.tables} />
      </section>

      <section className="card" aria-labelledby="compare">
        <h2 id="compare">与上年对比</h2>
        <CompareWithLastYear tables={budget.tables} />
      </section>

      <nav className="dz-toc" aria-label="目录">
        <a href="#narrative">部门预算情况说明</a>
        {grids.map((g) => (
          <a key={g.key} href={`#${g.key}`}>
            {g.shortTitle}
          </a>
        ))}
      </nav>
      <div id="narrative">
        <DisclosureDocument
          tables={budget.tables}
          narrative={budget.narrative}
          traceHref={(ref) => `${trace}?${new URLSearchParams({ table: ref.table, row: ref.row, column: ref.column })}`}
          narrativeLinks={await publishedNarrativeLinks(budget, trace)}
        />
      </div>
      <NarrativeFigureLinks budget={budget} tracePath={trace} />
    </>
  );
}
