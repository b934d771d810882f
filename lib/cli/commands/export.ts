import { writeFile } from "node:fs/promises";
import { budgetToPackage } from "@/lib/budget/package/from-budget";
import { exportPackage, loadBudgetById } from "@/lib/db/budgets/export-package";
import { loadCatalog } from "@/lib/db/catalog-store";
import { writeEntryWorkbook } from "@/lib/workbook/write-entry-workbook";
import { exportFinalPackage, loadFinalByKey } from "@/lib/db/finals/read-final";
import { writeFinalWorkbook } from "@/lib/workbook/write-final-workbook";
import { parseArgs, type CliIo } from "../io";
import { withDatabase } from "../with-database";

/**
 * `budget export --region 500109 --unit 104 --year 2024 [--kind final] [--format xlsx [--out file.xlsx]]`:
 * prints the stored budget as budget-package/1, or writes its entry workbook.
 */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { options } = parseArgs(args);
  const region = options.region;
  const unit = options.unit;
  const year = Number(options.year);
  const kind = options.kind === undefined ? "budget" : options.kind;
  if (typeof region !== "string" || typeof unit !== "string" || !Number.isInteger(year) || (kind !== "budget" && kind !== "final")) {
    io.stderr(
      "用法：npm run budget -- export --region <行政区划代码> --unit <部门编码> --year <年度> [--kind budget|final] [--format json|xlsx] [--out <文件.xlsx>]\n",
    );
    return 1;
  }
  const format = options.format === undefined ? "json" : options.format;
  if (format !== "json" && format !== "xlsx") {
    io.stderr("--format 只能是 json 或 xlsx\n");
    return 1;
  }
  if (format === "xlsx") {
    const out = typeof options.out === "string" ? options.out : `entry-${region}-${unit}-${year}${kind === "final" ? "-final" : ""}.xlsx`;
    const written = await withDatabase(async (db) => {
      if (kind === "final") {
        const final = await loadFinalByKey(db, { region, unit, year });
        if (!final) return false;
        const catalog = (await loadCatalog(db, year)) ?? undefined;
        await writeFile(out, await writeFinalWorkbook(final.pkg, { stamp: { budgetId: final.id, version: final.version }, catalog }));
        return true;
      }
      const row = await db.budget.findFirst({
        where: { year, kind, department: { code: unit, region: { code: region } } },
        select: { id: true, version: true },
      });
      const budget = row ? await loadBudgetById(db, row.id, {}) : null;
      if (!row || !budget) return false;
      const catalog = (await loadCatalog(db, year)) ?? undefined;
      await writeFile(out, await writeEntryWorkbook(budgetToPackage(budget, { unit: "元" }), { stamp: { budgetId: row.id, version: row.version }, catalog }));
      return true;
    });
    if (!written) {
      io.stderr(`未找到${kind === "final" ? "决算" : "预算"}：行政区划 ${region}，部门 ${unit}，${year} 年\n`);
      return 1;
    }
    io.stdout(`已导出${kind === "final" ? "决算" : ""}录入工作簿：${out}\n`);
    return 0;
  }
  const pkg = await withDatabase<object | null>((db) =>
    kind === "final" ? exportFinalPackage(db, { region, unit, year }) : exportPackage(db, { region, unit, year, kind }),
  );
  if (!pkg) {
    io.stderr(`未找到${kind === "final" ? "决算" : "预算"}：行政区划 ${region}，部门 ${unit}，${year} 年\n`);
    return 1;
  }
  io.stdout(`${JSON.stringify(pkg, null, 2)}\n`);
  return 0;
}
