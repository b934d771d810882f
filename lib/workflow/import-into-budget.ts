import type { SessionUser } from "@/lib/auth/permissions";
import { hasPermission } from "@/lib/auth/permissions";
import { packageToBudget } from "@/lib/budget/package/to-budget";
import { budgetToPackage } from "@/lib/budget/package/from-budget";
import { parsePackageJson, parsePackageValue, type BudgetPackage, type PackageError } from "@/lib/budget/package/schema";
import { validatePackage } from "@/lib/budget/validate";
import { describeChanges, type SectionChange } from "@/lib/workspace/describe-changes";
import { mergePackages } from "@/lib/workspace/merge-package";
import type { Db } from "@/lib/db/client";
import type { Failure } from "@/lib/result";
import { loadCatalog } from "@/lib/db/catalog-store";
import { budgetScope } from "@/lib/db/scope";
import { commitContent, EDITABLE_STATUSES } from "@/lib/db/budgets/commit-content";
import { budgetFromRows } from "@/lib/db/budgets/read-budget";
import { findBudgetWithContent } from "@/lib/db/budgets/content-sql";

export type ImportMode = "replace" | "merge";

export type ImportIntoResult =
  | { ok: true; applied: false; changes: SectionChange[] }
  | { ok: true; applied: true; version: number; changes: SectionChange[] }
  | Failure<{ code: "rejected"; errors: PackageError[] }>;

/** A package that cannot be imported: every problem, the first as the message. */
export const rejected = (errors: PackageError[]): ImportIntoResult => ({
  ok: false,
  code: "rejected",
  message: errors[0]?.message ?? "预算包不能导入",
  errors,
});

const fail = (message: string, path = ""): ImportIntoResult => rejected([{ path, message }]);

/**
 * Loads a Budget Package into an editable budget of the user's department: `replace` takes the
 * file as the whole budget, `merge` takes what the file has and keeps the rest. Without
 * `apply` it only answers what would change (the preview); with it, it commits in one
 * transaction under the same version check as a form save.
 */
export async function importIntoBudget(
  db: Db,
  actor: SessionUser,
  input: { budgetId: number; expectedVersion: number; text: string; mode: ImportMode; apply: boolean },
): Promise<ImportIntoResult> {
  if (!hasPermission(actor, "budget.import") || !hasPermission(actor, "budget.edit")) return fail("您没有导入预算的权限");
  const parsed = parsePackageJson(input.text);
  if (!parsed.ok) return rejected(parsed.errors);
  return importPackageIntoBudget(db, actor, { ...input, pkg: parsed.pkg });
}

/**
 * The import itself, from a package already through the schema (a JSON file or an entry
 * workbook): the same scope, status, unit, catalogue and version checks for every source.
 */
export async function importPackageIntoBudget(
  db: Db,
  actor: SessionUser,
  input: { budgetId: number; expectedVersion: number; pkg: BudgetPackage; mode: ImportMode; apply: boolean; source?: string },
): Promise<ImportIntoResult> {
  if (!hasPermission(actor, "budget.import") || !hasPermission(actor, "budget.edit")) return fail("您没有导入预算的权限");
  const source = input.source ?? "预算包";
  return db.$transaction(
    async (tx) => {
      const row = await findBudgetWithContent(tx, { AND: [budgetScope(actor, "budget.edit"), { id: input.budgetId }] });
      if (!row) return fail("未找到该预算");
      if (!(EDITABLE_STATUSES as readonly string[]).includes(row.status)) return fail("该预算当前状态不可修改，只能导入到编制中或已退回的预算");
      const current = budgetFromRows(row);
      const file = input.pkg;
      if (file.region.code !== current.region.code || file.unit.code !== current.unit.code) {
        return fail(`预算包属于 ${file.region.code}/${file.unit.code}（${file.unit.name}），不是本部门的预算`, "unit.code");
      }
      if (file.year !== current.year || file.kind !== current.kind) return fail(`预算包是 ${file.year} 年的，当前预算是 ${current.year} 年`, "year");
      const base = budgetToPackage(current, { unit: "元" });
      const incoming = budgetToPackage(packageToBudget(file), { unit: "元" });
      const candidate = parsePackageValue(input.mode === "replace" ? incoming : mergePackages(base, incoming));
      if (!candidate.ok) return rejected(candidate.errors);
      const catalog = await loadCatalog(tx, current.year);
      if (!catalog) return fail(`数据库中没有 ${current.year} 年的科目目录`);
      const problems = validatePackage(candidate.pkg, catalog);
      if (problems.length > 0) return rejected(problems);
      const changes = describeChanges(base, candidate.pkg);
      if (!input.apply) return { ok: true as const, applied: false as const, changes };
      if (row.version !== input.expectedVersion) {
        return fail(`保存冲突：他人已修改此预算（当前为第 ${row.version} 版），请刷新页面后重新导入`);
      }
      const version = await commitContent(tx, row, input.expectedVersion, current, packageToBudget(candidate.pkg), {
        actorId: actor.id,
        action: `import.${input.mode}`,
        comment: `导入${source}（${input.mode === "replace" ? "替换" : "合并"}）`,
      });
      if (version === null) return fail("保存冲突：他人刚刚修改了此预算，请刷新页面后重新导入");
      return { ok: true as const, applied: true as const, version, changes };
    },
    { timeout: 30_000 },
  );
}
