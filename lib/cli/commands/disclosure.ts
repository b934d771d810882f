import { writeFile } from "node:fs/promises";
import path from "node:path";
import { buildTables } from "@/lib/budget/tables";
import { buildNarrative } from "@/lib/budget/narrative";
import { buildFinalTables } from "@/lib/final/tables";
import { buildFinalNarrative } from "@/lib/final/evaluate";
import { finalTableLayouts } from "@/lib/public/layout";
import { parseArgs } from "../io";
import { CommandError, loadPackageFile, runCommand, type CommandIo, type LoadedPackage } from "./load-budget-file";

const USAGE = "budget disclosure <预算包.json|录入工作簿.xlsx> --out <公开文件.pdf|公开表.xlsx> [--date <公开日期 YYYY-MM-DD>]";

function publishedAt(date: string | true | undefined): Date {
  if (date === undefined) return new Date();
  if (typeof date !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00+08:00`))) {
    throw new CommandError(`--date 应为公开日期，如 2024-02-05（用法：${USAGE}）`);
  }
  return new Date(`${date}T00:00:00+08:00`);
}

/** The PDF as publishing renders it (tables and 情况说明); the renderers are loaded only here. */
async function pdf(loaded: LoadedPackage, when: Date): Promise<Buffer> {
  if (loaded.kind === "final") {
    const { renderFinalPdf } = await import("@/lib/export/pdf/final-pdf");
    const tables = buildFinalTables(loaded.final, loaded.catalog);
    return renderFinalPdf({ tables, narrative: buildFinalNarrative(loaded.final, loaded.catalog).markdown, publishedAt: when, sequence: 1 });
  }
  const { renderBudgetPdf } = await import("@/lib/export/pdf/render-budget-pdf");
  const tables = buildTables(loaded.budget, loaded.catalog);
  return renderBudgetPdf({ tables, narrative: buildNarrative(loaded.budget, loaded.catalog).markdown, publishedAt: when, sequence: 1 });
}

/** The disclosure tables as the public page's Excel download. */
async function xlsx(loaded: LoadedPackage, when: Date): Promise<Buffer> {
  const { writeDisclosureWorkbook, writeGridWorkbook } = await import("@/lib/export/xlsx");
  if (loaded.kind === "final") {
    const tables = buildFinalTables(loaded.final, loaded.catalog);
    return writeGridWorkbook(finalTableLayouts(tables), { title: `${tables.unit.name}${tables.year}年度部门决算`, publishedAt: when });
  }
  return writeDisclosureWorkbook(buildTables(loaded.budget, loaded.catalog), { publishedAt: when });
}

/**
 * `budget disclosure <package> --out <file.pdf|file.xlsx>`: the files a publication puts online,
 * from a package without a database: the PDF (tables and 情况说明) or the Excel of the tables,
 * chosen by the output's extension.
 */
export async function run(args: string[], io: CommandIo): Promise<number> {
  return runCommand(io, async () => {
    const { positional, options } = parseArgs(args);
    const out = options.out;
    const format = typeof out === "string" ? path.extname(out).toLowerCase() : "";
    if (positional.length !== 1 || (format !== ".pdf" && format !== ".xlsx")) throw new CommandError(`用法：${USAGE}`);
    const when = publishedAt(options.date);
    const loaded = await loadPackageFile(positional, USAGE);
    await writeFile(out as string, format === ".pdf" ? await pdf(loaded, when) : await xlsx(loaded, when));
    io.stdout(`已生成${format === ".pdf" ? " PDF" : "公开表 Excel"}：${out as string}\n`);
    return 0;
  });
}
