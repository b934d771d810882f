import type { Failure } from "@/lib/result";
import type { SessionUser } from "@/lib/auth/permissions";
import { hasPermission } from "@/lib/auth/permissions";
import { budgetToPackage } from "@/lib/budget/package/from-budget";
import type { BudgetPackage, PackageError } from "@/lib/budget/package/schema";
import type { SectionChange } from "@/lib/workspace/describe-changes";
import { priorYearFromDisclosureWorkbook } from "@/lib/workbook/read-disclosure-workbook";
import type { Db } from "@/lib/db/client";
import { budgetScope } from "@/lib/db/scope";
import { EDITABLE_STATUSES } from "@/lib/db/budgets/commit-content";
import { importPackageIntoBudget } from "./import-into-budget";
import { budgetContentInclude, budgetFromRows } from "@/lib/db/budgets/read-budget";
import { MAX_WORKBOOK_BYTES } from "./import-workbook";

/** The one failure shape (lib/result): the first problem's message, and every problem. */
const refused = (errors: PackageError[]) => ({ ok: false as const, code: "rejected" as const, message: errors[0]?.message ?? "工作簿不能导入", errors });

export type PriorYearFigures = NonNullable<BudgetPackage["priorYear"]>;

export type PriorYearImportResult =
  | { ok: true; applied: false; year: number | null; current: PriorYearFigures | null; filled: PriorYearFigures; changes: SectionChange[] }
  | { ok: true; applied: true; version: number; year: number | null; current: PriorYearFigures | null; filled: PriorYearFigures; changes: SectionChange[] }
  | Failure<{ code: "rejected"; errors: PackageError[] }>;

/**
 * Fills the 上年 section of a draft from the disclosure workbook the department published last
 * year (T1–T11 Excel), as `budget prior-year` does on the command line: the same reader, then the
 * same import as any package (scope, status, catalogue, validation and version check, one
 * transaction) with only `priorYear` replaced. Without `apply`, the figures it would fill.
 */
export async function importPriorYearWorkbook(
  db: Db,
  actor: SessionUser,
  input: { budgetId: number; expectedVersion: number; data: Uint8Array; apply: boolean },
): Promise<PriorYearImportResult> {
  const fail = (message: string): PriorYearImportResult => refused([{ path: "priorYear", message }]);
  if (!hasPermission(actor, "budget.import") || !hasPermission(actor, "budget.edit")) return fail("您没有修改该预算的权限");
  if (input.data.byteLength > MAX_WORKBOOK_BYTES) return fail(`工作簿过大（超过 ${MAX_WORKBOOK_BYTES / 1024 / 1024} MB）`);
  const row = await db.budget.findFirst({ where: { AND: [budgetScope(actor, "budget.edit"), { id: input.budgetId }] }, include: budgetContentInclude });
  if (!row) return fail("未找到该预算");
  if (!(EDITABLE_STATUSES as readonly string[]).includes(row.status)) return fail("该预算当前状态不可修改，只能在编制中或已退回时填入上年数");
  if (row.kind !== "budget") return fail("只有预算可以从上年公开的工作簿填入上年数");
  // The import checks the version again inside its transaction; checked here too, so that the
  // package built from this read can never carry back what someone else saved since.
  if (input.apply && row.version !== input.expectedVersion) {
    return fail(`保存冲突：他人已修改此预算（当前为第 ${row.version} 版），请刷新页面后重新上传`);
  }
  const read = await priorYearFromDisclosureWorkbook(input.data);
  if (!read.ok) return refused(read.errors.map((e) => ({ ...e, path: e.path || "priorYear" })));
  if (read.year !== null && read.year !== row.year - 1) {
    return fail(`此工作簿是 ${read.year} 年的公开表，本预算是 ${row.year} 年，应上传 ${row.year - 1} 年公开的部门预算 Excel`);
  }
  const pkg = budgetToPackage(budgetFromRows(row), { unit: "元" });
  const result = await importPackageIntoBudget(db, actor, {
    budgetId: row.id,
    expectedVersion: input.expectedVersion,
    pkg: { ...pkg, priorYear: read.priorYear },
    mode: "replace",
    apply: input.apply,
    source: `${read.year ?? "上"}年公开的部门预算工作簿（上年数）`,
  });
  if (!result.ok) return result;
  return { ...result, year: read.year, current: pkg.priorYear ?? null, filled: read.priorYear };
}
