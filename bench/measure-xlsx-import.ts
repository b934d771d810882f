/**
 * Measure (issue 19): reading and validating an accountant's entry workbook of 500 lines
 * (`xlsx_import_ms` ≤ 500 ms): unzip, read every sheet, the package schema and the catalogue
 * checks — everything the upload does before it opens a transaction. Pure, no database.
 *
 * Also runnable alone:
 *   npx tsx bench/measure-xlsx-import.ts
 */
import path from "node:path";
import Decimal from "decimal.js";
import { loadFixtures } from "@/test/support/budget/fixtures";
import type { BudgetPackage } from "@/lib/budget/package/schema";
import { readEntryWorkbook } from "@/lib/workbook/read-entry-workbook";
import { writeEntryWorkbook } from "@/lib/workbook/write-entry-workbook";
import { nowMs, summarize, type Summary } from "./stats";

export interface XlsxImportMeasure {
  lines: number;
  kb: number;
  read: Summary;
}

/** A fixture grown to `lines` basic lines, each a distinct 功能项 × 经济款 × fund of the year's catalogue. */
function grow(lines: number) {
  const fixture = loadFixtures()[0]!;
  const functions = [...fixture.catalog.functions.values()].filter((f) => f.level === 3).map((f) => f.code);
  const economics = [...fixture.catalog.economics.values()].filter((e) => e.level === 2).map((e) => e.code);
  const funds = ["generalBudget", "governmentFund", "operations", "other"] as const;
  const basic: NonNullable<BudgetPackage["basicExpenditure"]> = [];
  outer: for (const fund of funds)
    for (const f of functions)
      for (const e of economics) {
        if (basic.length >= lines) break outer;
        basic.push({ function: f, economic: e, fund, amount: new Decimal(basic.length * 137).plus("0.25").toFixed(2) });
      }
  if (basic.length < lines) throw new Error(`the catalogue offers only ${basic.length} lines`);
  const pkg: BudgetPackage = { ...fixture.pkg, amountUnit: "元", basicExpenditure: basic };
  return { pkg, catalog: fixture.catalog };
}

export async function measureXlsxImport(runs: number, lines = 500): Promise<XlsxImportMeasure> {
  const { pkg, catalog } = grow(lines);
  const data = await writeEntryWorkbook(pkg, { stamp: { budgetId: 1, version: 1 }, catalog });
  const samples: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const t0 = nowMs();
    const read = await readEntryWorkbook(data, { catalogFor: () => catalog });
    const ms = nowMs() - t0;
    if (!read.ok)
      throw new Error(
        `workbook refused: ${read.errors
          .slice(0, 3)
          .map((e) => e.message)
          .join("; ")}`,
      );
    if (read.pkg.basicExpenditure!.length !== lines) throw new Error("lines lost");
    if (i > 0) samples.push(ms); // the first run also loads exceljs' code paths
  }
  return { lines, kb: Math.round(data.length / 1024), read: summarize(samples) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  measureXlsxImport(10)
    .then((m) => process.stdout.write(`${JSON.stringify(m, null, 2)}\nxlsx_import_ms (p50, ${m.lines} lines, ${m.kb} KB): ${m.read.p50}\n`))
    .catch((e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
      process.exit(1);
    });
}
