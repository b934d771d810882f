import { readFileSync } from "node:fs";
import { importPackageText } from "@/lib/db/budgets/import-package";
import { loadCatalog } from "@/lib/db/catalog-store";
import type { Db } from "@/lib/db/client";
import { isWorkbookData } from "@/lib/workbook/sheet-reader";
import { readAnyEntryWorkbook } from "@/lib/workbook/read-any-workbook";
import type { WorkbookStamp } from "@/lib/workbook/write-entry-workbook";
import { parseArgs, type CliIo } from "../io";
import { withDatabase } from "../with-database";

/** A workbook downloaded from a budget that has changed since must not overwrite those changes. */
async function staleStamp(db: Db, stamp: WorkbookStamp): Promise<string | null> {
  if (stamp.budgetId === null || stamp.version === null) return null;
  const row = await db.budget.findUnique({ where: { id: stamp.budgetId }, select: { version: true } });
  if (row && row.version > stamp.version) {
    return `此工作簿下载自第 ${stamp.version} 版，${stamp.kind === "final" ? "决算" : "预算"}此后已修改（当前为第 ${row.version} 版），请重新下载录入工作簿`;
  }
  return null;
}

/**
 * `budget import <file.json|file.xlsx>… [--replace]`: validates each Budget Package (or entry
 * workbook) and stores it in its own transaction. With several files it reports progress, and
 * a failure says which files were stored and which were not.
 */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { positional: files, options } = parseArgs(args);
  if (files.length === 0) {
    io.stderr("用法：npm run budget -- import <预算包.json|录入工作簿.xlsx>… [--replace]\n");
    return 1;
  }
  const done: string[] = [];
  const failed: string[] = [];
  const many = files.length > 1;
  await withDatabase(async (db) => {
    for (const [i, file] of files.entries()) {
      const prefix = many ? `[${i + 1}/${files.length}] ${file}：` : "";
      let data: Buffer;
      try {
        data = readFileSync(file);
      } catch {
        io.stderr(`${prefix}无法读取文件：${file}\n`);
        failed.push(file);
        continue;
      }
      let text: string;
      if (isWorkbookData(data)) {
        const read = await readAnyEntryWorkbook(data, { catalogFor: (year) => loadCatalog(db, year) });
        const stale = read.stamp ? await staleStamp(db, read.stamp) : null;
        if (stale || !read.ok) {
          const problems = stale ? [{ message: stale }] : read.ok ? [] : read.errors;
          io.stderr(`${prefix}导入失败，未保存任何内容。共 ${problems.length} 处问题：\n`);
          for (const p of problems) io.stderr(`  - ${p.message}\n`);
          failed.push(file);
          continue;
        }
        text = JSON.stringify(read.pkg);
      } else text = data.toString("utf8");
      const result = await importPackageText(db, text, { replace: options.replace === true });
      if (!result.ok) {
        io.stderr(`${prefix}导入失败，未保存任何内容。共 ${result.errors.length} 处问题：\n`);
        for (const e of result.errors) io.stderr(`  - ${e.path ? `[${e.path}] ` : ""}${e.message}\n`);
        failed.push(file);
        continue;
      }
      done.push(file);
      const kind = /"kind"\s*:\s*"final"/.test(text) ? "决算" : "预算";
      io.stdout(`${prefix}${result.created ? "已导入" : "已替换"}${kind}（编号 ${result.budgetId}）\n`);
    }
  });
  if (many) {
    io.stdout(
      `共 ${files.length} 个文件：已导入 ${done.length} 个${failed.length > 0 ? `，未导入 ${failed.length} 个（${failed.join("、")}），这些文件的内容均未保存` : ""}\n`,
    );
  }
  return failed.length > 0 ? 1 : 0;
}
