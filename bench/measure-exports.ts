/**
 * Measure (6b): the downloads of one budget, in process. Excel: `writeDisclosureWorkbook` of the
 * budget's tables (lib/export/xlsx.ts). PDF: `renderBudgetPdf` (lib/export/pdf), what publishing
 * runs once per snapshot and the report.pdf route runs for a snapshot without a stored PDF.
 */
import { buildTables } from "@/lib/budget/tables";
import type { Db } from "@/lib/db/client";
import { loadForEngine } from "@/lib/db/budgets/load-for-engine";
import { buildNarrative } from "@/lib/budget/narrative";
import { renderBudgetPdf } from "@/lib/export/pdf/render-budget-pdf";
import { writeDisclosureWorkbook } from "@/lib/export/xlsx";
import { nowMs, summarize, timeRuns, type Summary } from "./stats";

export interface XlsxMeasure {
  bytes: number;
  total: Summary;
}

export interface PdfMeasure {
  bytes: number;
  /** The first rendering of the process (fonts parsed), ms. */
  first: number;
  total: Summary;
}

export async function measureXlsx(db: Db, budgetId: number): Promise<XlsxMeasure> {
  const input = await loadForEngine(db, budgetId, {});
  if (!input) throw new Error(`budget ${budgetId} not found`);
  const tables = buildTables(input.budget, input.catalog, input.prior ? { prior: input.prior } : {});
  let bytes = 0;
  const samples = await timeRuns(
    async () => {
      bytes = (await writeDisclosureWorkbook(tables, { publishedAt: new Date(0) })).length;
    },
    { runs: 20, warmup: 2, budgetMs: 30_000, minRuns: 3 },
  );
  return { bytes, total: summarize(samples) };
}

/**
 * The PDF as publishing renders it (lib/export/pdf) from the budget's tables and narrative, in
 * process. The first rendering of a process also parses the fonts; it is reported apart (`first`).
 */
export async function measurePdf(db: Db, budgetId: number): Promise<PdfMeasure> {
  const input = await loadForEngine(db, budgetId, {});
  if (!input) throw new Error(`budget ${budgetId} not found`);
  const options = input.prior ? { prior: input.prior } : {};
  const tables = buildTables(input.budget, input.catalog, options);
  const narrative = buildNarrative(input.budget, input.catalog, options).markdown;
  const render = () => renderBudgetPdf({ tables, narrative, publishedAt: new Date(), sequence: 1 });
  const t0 = nowMs();
  let bytes = (await render()).length;
  const first = nowMs() - t0;
  const samples = await timeRuns(
    async () => {
      bytes = (await render()).length;
    },
    { runs: 20, warmup: 1, budgetMs: 30_000, minRuns: 3 },
  );
  return { bytes, first, total: summarize(samples) };
}
