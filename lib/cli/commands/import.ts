import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type pg from "pg";
import type { ImportResult } from "@/lib/db/budgets/import-package";
import type { Db } from "@/lib/db/connect";
import { importPackageTextSql } from "@/lib/db/budgets/import-package-sql";
import { loadCatalogSql } from "@/lib/db/catalog-read-sql";
import { isWorkbookData } from "@/lib/workbook/sheet-reader";
import { readAnyEntryWorkbook } from "@/lib/workbook/read-any-workbook";
import type { WorkbookStamp } from "@/lib/workbook/write-entry-workbook";
import { parseArgs, type CliIo } from "../io";
import { withPg } from "../with-database";

/** A workbook downloaded from a budget that has changed since must not overwrite those changes. */
async function staleStamp(client: pg.ClientBase, stamp: WorkbookStamp): Promise<string | null> {
  if (stamp.budgetId === null || stamp.version === null) return null;
  const row = (await client.query<{ version: number }>(`select version from "Budget" where id = $1`, [stamp.budgetId])).rows[0];
  if (row && row.version > stamp.version) {
    return `此工作簿下载自第 ${stamp.version} 版，${stamp.kind === "final" ? "决算" : "预算"}此后已修改（当前为第 ${row.version} 版），请重新下载录入工作簿`;
  }
  return null;
}

/** A folder given on the command line stands for its packages and workbooks, in name order. */
function expandFolders(args: string[]): string[] {
  return args.flatMap((arg) => {
    let folder = false;
    try {
      folder = statSync(arg).isDirectory();
    } catch {
      // Not there: reported as unreadable below, with the other files still imported.
    }
    if (!folder) return [arg];
    return readdirSync(arg)
      .filter((f) => /\.(json|xlsx)$/i.test(f))
      .sort()
      .map((f) => path.join(arg, f));
  });
}

/**
 * `budget import <file.json|file.xlsx|folder>… [--replace]`: validates each Budget Package (or
 * entry workbook) and stores it in its own transaction. With several files (a district's hundred)
 * it prints a progress line per file, a failure names the file and its problems while the others
 * are still stored, and the exit code is 1 when any failed. Written through plain `pg` (one
 * statement per part of a budget): no Prisma is loaded unless a 决算 package comes.
 */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { positional, options } = parseArgs(args);
  const files = expandFolders(positional);
  if (files.length === 0) {
    io.stderr("用法：npm run budget -- import <预算包.json|录入工作簿.xlsx|文件夹>… [--replace]\n");
    return 1;
  }
  const done: string[] = [];
  const failed: string[] = [];
  const many = files.length > 1;
  const replace = options.replace === true;
  await withPg(async (client, url) => {
    // A 决算 package is stored as its document through lib/db/finals (Prisma), loaded on first use.
    let prisma: { db: Db; importFinal: (value: unknown) => Promise<ImportResult> } | undefined;
    const importFinal = async (value: unknown) => {
      if (!prisma) {
        const [{ createDb }, { importFinalValue }] = await Promise.all([import("@/lib/db/connect"), import("@/lib/db/finals/import-final")]);
        const db = createDb(url);
        prisma = { db, importFinal: (v) => importFinalValue(db, v, { replace }) };
      }
      return prisma.importFinal(value);
    };
    try {
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
          const read = await readAnyEntryWorkbook(data, { catalogFor: (year) => loadCatalogSql(client, year) });
          const stale = read.stamp ? await staleStamp(client, read.stamp) : null;
          if (stale || !read.ok) {
            const problems = stale ? [{ message: stale }] : read.ok ? [] : read.errors;
            io.stderr(`${prefix}导入失败，未保存任何内容。共 ${problems.length} 处问题：\n`);
            for (const p of problems) io.stderr(`  - ${p.message}\n`);
            failed.push(file);
            continue;
          }
          text = JSON.stringify(read.pkg);
        } else text = data.toString("utf8");
        const result = await importPackageTextSql(client, text, { replace, importFinal });
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
    } finally {
      await prisma?.db.$disconnect();
    }
  });
  if (many) {
    io.stdout(
      `共 ${files.length} 个文件：已导入 ${done.length} 个${failed.length > 0 ? `，未导入 ${failed.length} 个（${failed.join("、")}），这些文件的内容均未保存` : ""}\n`,
    );
  }
  return failed.length > 0 ? 1 : 0;
}
