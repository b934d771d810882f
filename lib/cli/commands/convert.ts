import { readFile, writeFile } from "node:fs/promises";
import { parsePackageJson, readPackageText } from "@/lib/budget/package/schema";
import { loadFinalCatalog } from "@/lib/final/catalog";
import { packageKindOf, parseFinalPackageValue } from "@/lib/final/package/schema";
import { writeFinalWorkbook } from "@/lib/workbook/write-final-workbook";
import { loadReferenceCatalog } from "@/lib/catalog/reference";
import { isWorkbookData } from "@/lib/workbook/sheet-reader";
import { writeEntryWorkbook } from "@/lib/workbook/write-entry-workbook";
import { CommandError, loadWorkbookFile, runCommand, type CommandIo } from "./load-budget-file";

const USAGE = "用法：npm run -s budget -- convert <预算包或决算包.json> <录入工作簿.xlsx>  或  convert <录入工作簿.xlsx> <预算包或决算包.json>";

/**
 * `budget convert in out`: a budget or 决算 package to an entry workbook, or a workbook back to a
 * package. The direction follows the input's content; the workbook made here is a template of
 * its department and year (no budget id, no version), so it can be uploaded to that draft.
 */
export async function run(args: string[], io: CommandIo): Promise<number> {
  return runCommand(io, async () => {
    const [input, output] = args;
    if (args.length !== 2 || !input || !output) throw new CommandError(USAGE);
    let data: Uint8Array;
    try {
      data = await readFile(input);
    } catch {
      throw new CommandError(`无法读取文件：${input}`);
    }
    if (isWorkbookData(data)) {
      if (!/\.json$/i.test(output)) throw new CommandError(`输出文件应为 .json：${output}`);
      const read = await loadWorkbookFile(input, data);
      await writeFile(output, `${JSON.stringify(read.pkg, null, 2)}\n`);
      io.stderr(`已转换为${read.kind === "final" ? "决算包" : "预算包"}：${output}\n`);
      return 0;
    }
    if (!/\.xlsx$/i.test(output)) throw new CommandError(`输出文件应为 .xlsx：${output}`);
    const text = new TextDecoder().decode(data);
    const read = readPackageText(text);
    if (read.ok && packageKindOf(read.value) === "final") {
      const final = parseFinalPackageValue(read.value);
      if (!final.ok) throw new CommandError([`${input} 不是有效的决算包：`, ...final.errors.map((e) => `  ${e.message}`)].join("\n"));
      let catalog;
      try {
        catalog = loadFinalCatalog(final.pkg.year);
      } catch {
        catalog = undefined;
      }
      await writeFile(output, await writeFinalWorkbook(final.pkg, { stamp: { budgetId: null, version: null }, catalog }));
      io.stderr(`已转换为决算录入工作簿：${output}\n`);
      return 0;
    }
    const parsed = parsePackageJson(text);
    if (!parsed.ok) throw new CommandError([`${input} 不是有效的预算包：`, ...parsed.errors.map((e) => `  ${e.message}`)].join("\n"));
    let catalog;
    try {
      catalog = loadReferenceCatalog(parsed.pkg.year);
    } catch {
      catalog = undefined; // names and drop-down lists are a convenience; the workbook works without them
    }
    await writeFile(output, await writeEntryWorkbook(parsed.pkg, { stamp: { budgetId: null, version: null }, catalog }));
    io.stderr(`已转换为录入工作簿：${output}\n`);
    return 0;
  });
}
