import { DisclosureDocument } from "@/components/disclosure";
import { BudgetCharts } from "@/components/disclosure/portal/BudgetCharts";
import { CompareWithLastYear } from "@/components/disclosure/portal/CompareWithLastYear";
import { DocumentTabs } from "@/components/disclosure/portal/DocumentTabs";
import { FigureList, type Figure } from "@/components/trace/NarrativeFigureLinks";
import { PublishedUnits } from "@/components/public/PublishedUnits";
import type { PublishedBudget } from "@/lib/db/queries/public-snapshots";
import { formatDay } from "@/lib/format";
import { tableLayouts } from "@/lib/public/layout";
import { publishedSummary } from "@/lib/public/budget-summary";
import { apiPath, budgetPath, finalPath, type PublicBudgetKey } from "@/lib/public/public-key";
import { DOWNLOAD_NOTE } from "@/lib/public/static-page/island";

export interface BudgetPageProps {
  budgetKey: PublicBudgetKey;
  budget: PublishedBudget;
  hasFinal: boolean;
  /** Printed narrative amount → its trace (lib/public/published-trace.ts). */
  narrativeLinks: Record<string, string>;
  /** The narrative's figures and their traces; null when they cannot be traced. */
  figures: Figure[] | null;
}

/**
 * The public page of one published budget, rendered once per snapshot to static HTML
 * (lib/public/static-page): server components only, plain links and forms, no client component —
 * the few interactive bits (who is signed in, the note while a download is generated) are the
 * small script of lib/public/static-page/island.ts.
 */
export function BudgetPage({ budgetKey: key, budget, hasFinal, narrativeLinks, figures }: BudgetPageProps) {
  const v = `?v=${budget.snapshotId}`;
  const api = apiPath(key);
  const grids = tableLayouts(budget.tables);
  const trace = `${budgetPath(key)}/trace`;
  return (
    <>
      <p className="muted">
        <a href="/">公开预算</a> /{" "}
        <a href={`/b/${key.region}/${key.year}`}>
          {budget.region.name} {budget.year} 年
        </a>
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
        <a className="button" href={`${api}/report.pdf${v}`} download data-note={DOWNLOAD_NOTE}>
          下载 PDF
        </a>
        <a className="button secondary" href={`${api}/tables.xlsx${v}`} download data-note={DOWNLOAD_NOTE}>
          下载 Excel
        </a>
        <a className="button secondary" href={`${api}${v}`}>
          JSON 数据
        </a>
        <a className="button secondary" href={`/api/open/lines.csv?region=${key.region}&year=${key.year}&unit=${key.unit}`}>
          支出明细 CSV
        </a>
        <a className="button secondary" href={`${budgetPath(key)}/print`}>
          打印版
        </a>
      </nav>

      <PublishedUnits budgetKey={key} units={budget.units} department={publishedSummary(budget)} />

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
          narrativeLinks={narrativeLinks}
        />
      </div>
      {figures ? <FigureList figures={figures} tracePath={trace} /> : null}
    </>
  );
}
