import { readFileSync } from "node:fs";
import { importPackageText } from "@/lib/db/budgets/import-package";
import { parseArgs, type CliIo } from "../io";
import { withDatabase } from "../with-database";

/** `budget import <file.json> [--replace]`: validates a Budget Package and stores it in one transaction. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { positional, options } = parseArgs(args);
  const file = positional[0];
  if (!file) {
    io.stderr("用法：npm run budget -- import <预算包.json> [--replace]\n");
    return 1;
  }
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    io.stderr(`无法读取文件：${file}\n`);
    return 1;
  }
  const result = await withDatabase((db) => importPackageText(db, text, { replace: options.replace === true }));
  if (!result.ok) {
    io.stderr(`导入失败，未保存任何内容。共 ${result.errors.length} 处问题：\n`);
    for (const e of result.errors) io.stderr(`  - ${e.path ? `[${e.path}] ` : ""}${e.message}\n`);
    return 1;
  }
  const kind = /"kind"\s*:\s*"final"/.test(text) ? "决算" : "预算";
  io.stdout(`${result.created ? "已导入" : "已替换"}${kind}（编号 ${result.budgetId}）\n`);
  return 0;
}
