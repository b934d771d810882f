import type { BudgetStatus } from "@/generated/prisma/client";
import type { Catalog } from "@/lib/catalog/catalog";
import type { Budget } from "@/lib/budget/model";
import type { BudgetPackage } from "@/lib/budget/package/schema";
import { packageToBudget } from "@/lib/budget/package/to-budget";
import { validatePackage } from "@/lib/budget/validate";
import { ImportRejected } from "./package-department";

const EDITABLE: BudgetStatus[] = ["DRAFT", "RETURNED"];

/**
 * What both imports (the app's through Prisma, the command line's through plain pg) check before
 * writing: the year's catalogue exists and the package passes validation; the budget to store.
 */
export function checkedBudget(pkg: BudgetPackage, catalog: Catalog | null): Budget {
  if (!catalog) {
    throw new ImportRejected([
      { path: "year", message: `预算年度（year）：数据库中没有 ${pkg.year} 年的科目目录，请先由管理员导入该年度的功能分类和经济分类科目` },
    ]);
  }
  const problems = validatePackage(pkg, catalog);
  if (problems.length > 0) throw new ImportRejected(problems);
  return packageToBudget(pkg);
}

/** An import may replace a budget only when asked to, and only one still being prepared. */
export function refuseUnlessReplaceable(pkg: BudgetPackage, existing: { status: BudgetStatus } | null | undefined, replace: boolean | undefined) {
  const label = `${pkg.unit.name} ${pkg.year} 年${pkg.kind === "budget" ? "预算" : "决算"}`;
  if (existing && !replace) {
    throw new ImportRejected([{ path: "", message: `${label}已存在；如需覆盖，请使用“替换”导入（仅限编制中或已退回的预算）` }]);
  }
  if (existing && !EDITABLE.includes(existing.status)) {
    throw new ImportRejected([{ path: "", message: `${label}当前状态不允许修改，只有编制中或已退回的预算可以替换` }]);
  }
}
