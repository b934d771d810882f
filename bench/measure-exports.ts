/**
 * Measure (6b): the downloads of one budget. Excel: `writeDisclosureWorkbook` of the budget's
 * tables (lib/export/xlsx.ts), in process. PDF: `printPageToPdf` (lib/export/pdf.ts) of the
 * published print page served by the production server, exactly what the report.pdf route runs
 * on a cache miss (Chromium launch included, as every first download of a snapshot pays it).
 */
import { buildTables } from "@/lib/budget/tables";
import type { Db } from "@/lib/db/client";
import { loadForEngine } from "@/lib/db/budgets/load-for-engine";
import { chromiumPath, printPageToPdf } from "@/lib/export/pdf";
import { writeDisclosureWorkbook } from "@/lib/export/xlsx";
import { existsSync } from "node:fs";
import { nowMs, summarize, timeRuns, type Summary } from "./stats";

export interface XlsxMeasure {
  bytes: number;
  total: Summary;
}

export interface PdfMeasure {
  bytes: number;
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

export async function measurePdf(printUrl: string): Promise<PdfMeasure | { skipped: string }> {
  if (!existsSync(chromiumPath())) return { skipped: `no Chromium at ${chromiumPath()}` };
  let bytes = 0;
  const samples: number[] = [];
  const started = nowMs();
  for (let i = 0; i < 4; i++) {
    const t0 = nowMs();
    bytes = (await printPageToPdf(printUrl, { timeoutMs: 60_000 })).length;
    // The first run also warms the OS file cache for Chromium's binary and fonts; not recorded.
    if (i > 0) samples.push(nowMs() - t0);
    if (nowMs() - started > 45_000 && samples.length > 0) break;
  }
  return { bytes, total: summarize(samples) };
}
