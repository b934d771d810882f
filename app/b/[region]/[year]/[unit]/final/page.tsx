import { formatDay } from "@/lib/format";
import { readPublished } from "@/lib/public/read-published";
import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { notFound } from "next/navigation";
import { DisclosureGrid, DisclosureNarrative } from "@/components/disclosure";
import { CompareBudgetFinal } from "@/components/disclosure/portal/CompareBudgetFinal";
import { DocumentTabs } from "@/components/disclosure/portal/DocumentTabs";
import { FinalNarrativeFigureLinks } from "@/components/trace/NarrativeFigureLinks";
import { findPublishedBudget, findPublishedFinal } from "@/lib/db/queries/public-snapshots";
import { finalTableLayouts } from "@/lib/public/layout";
import { publishedFinalNarrativeLinks } from "@/lib/public/published-final-trace";
import { budgetPath, finalApiPath, finalPath, parsePublicKey } from "@/lib/public/public-key";

// A published 决算 never changes: rendered once, re-rendered at most every 5 minutes and at once on publication.
export const revalidate = 300;

export async function generateStaticParams() {
  return [];
}

type Params = Promise<{ region: string; year: string; unit: string }>;

const published = cache(async (region: string, year: string, unit: string) => {
  const key = parsePublicKey(region, year, unit);
  if (!key) return { key, final: null, budget: null };
  const [final, budget] = await Promise.all([readPublished((d) => findPublishedFinal(d, key)), readPublished((d) => findPublishedBudget(d, key))]);
  return { key, final, budget };
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const p = await params;
  const { final } = await published(p.region, p.year, p.unit);
  return { title: final ? `${final.unit.name}${final.year}年度部门决算` : "未找到" };
}

/** The published 部门决算 of a department's year: narrative, F1–F9, the 绩效自评表, 预算 vs 决算. */
export default async function PublishedFinalPage({ params }: { params: Params }) {
  const p = await params;
  const { key, final, budget } = await published(p.region, p.year, p.unit);
  if (!key || !final) notFound();
  const v = `?v=${final.snapshotId}`;
  const api = finalApiPath(key);
  const grids = finalTableLayouts(final.tables);
  const trace = `${finalPath(key)}/trace`;
  return (
    <>
      <p className="muted">
        <Link href="/">公开预算</Link> /{" "}
        <Link href={`/b/${key.region}/${key.year}`}>
          {final.region.name} {final.year} 年
        </Link>
      </p>
      <h1>
        {final.unit.name} {final.year} 年度部门决算
      </h1>
      <DocumentTabs current="final" budgetHref={budget ? budgetPath(key) : null} finalHref={null} />
      <p data-testid="published-at">
        公开日期：<time dateTime={final.publishedAt.toISOString()}>{formatDay(final.publishedAt)}</time>
        <span className="muted">
          （部门编码 {final.unit.code}，{final.region.name}）
        </span>
      </p>
      <nav className="dz-downloads" aria-label="下载">
        <a className="button" href={`${api}/report.pdf${v}`} download>
          下载决算 PDF
        </a>
        <a className="button secondary" href={`${api}/tables.xlsx${v}`} download>
          下载决算 Excel
        </a>
        <a className="button secondary" href={`${api}${v}`}>
          JSON 数据
        </a>
      </nav>

      <section className="card" aria-labelledby="compare">
        <h2 id="compare">预算与决算对比</h2>
        <CompareBudgetFinal final={final.tables} budget={budget?.tables ?? null} />
      </section>

      <nav className="dz-toc" aria-label="目录">
        <a href="#narrative">部门决算情况说明</a>
        {grids.map((g) => (
          <a key={g.key} href={`#${g.key}`}>
            {g.shortTitle}
          </a>
        ))}
      </nav>
      <article className="dz-document" id="narrative">
        <DisclosureNarrative markdown={final.narrative} links={await publishedFinalNarrativeLinks(final, trace)} />
        {grids.map((g) => (
          <DisclosureGrid
            key={g.key}
            table={g}
            traceHref={(ref) => `${trace}?${new URLSearchParams({ table: ref.table, row: ref.row, column: ref.column })}`}
          />
        ))}
      </article>
      <FinalNarrativeFigureLinks final={final} tracePath={trace} />
    </>
  );
}
