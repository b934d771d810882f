import { hasPermission, type SessionUser } from "@/lib/auth/permissions";
import { parsePackageJson, type PackageError } from "@/lib/budget/package/schema";
import type { Db } from "@/lib/db/client";
import { loadCatalog } from "@/lib/db/catalog-store";
import { budgetScope } from "@/lib/db/scope";
import { readEntryWorkbook } from "@/lib/workbook/read-entry-workbook";
import { importPackageIntoBudget, type ImportIntoResult } from "@/lib/workflow/import-into-budget";
import { importWorkbookIntoBudget, MAX_WORKBOOK_BYTES } from "@/lib/workflow/import-workbook";
import { JobRefused, type JobHandler } from "./runner";
import { jobSummary, type JobItem } from "./types";

/** How many files one batch takes, and how large: a department's budgets of a few years, not an archive. */
export const MAX_BATCH_FILES = 20;
export const MAX_BATCH_BYTES = 50 * 1024 * 1024;

/** Who may start a batch import: the same rights as one import from the budget's page. */
export const mayImportPackages = (user: SessionUser) => hasPermission(user, "budget.import") && hasPermission(user, "budget.edit");

/** The editable budget (this user's scope) a file is for, from what the file says it is. */
async function targetBudget(db: Db, owner: SessionUser, where: { budgetId: number | null; region: string; unit: string; year: number }) {
  return db.budget.findFirst({
    where: {
      AND: [
        budgetScope(owner, "budget.edit"),
        where.budgetId !== null
          ? { id: where.budgetId }
          : { kind: "budget", year: where.year, department: { code: where.unit, region: { code: where.region } } },
      ],
    },
    select: { id: true, version: true },
  });
}

const problems = (errors: (PackageError & { cell?: string })[]) => errors.map((e) => ({ where: e.cell ?? e.path, message: e.message }));

/** A file that changed nothing, with every problem (cell or field, and why). */
function refusedItem(name: string, errors: (PackageError & { cell?: string })[]): JobItem {
  return { item: name, ok: false, message: `未导入，预算未作任何修改（共 ${errors.length} 处问题）：`, errors: problems(errors) };
}

function outcome(name: string, result: ImportIntoResult, what: string): JobItem {
  if (result.ok && result.applied) {
    const n = result.changes.length;
    return { item: name, ok: true, message: `已导入${what}（${n === 0 ? "内容无变化" : `${n} 个部分有修改`}），预算现为第 ${result.version} 版` };
  }
  if (result.ok) return { item: name, ok: false, message: "未导入" };
  return refusedItem(name, result.errors);
}

/** One file: a JSON Budget Package or an entry workbook, into the draft of the department and year it names. */
async function importOne(db: Db, owner: SessionUser, file: { name: string; body: Uint8Array }): Promise<JobItem> {
  const notFound = (what: string) => ({ item: file.name, ok: false, message: `未导入：未找到${what}对应的、您可以编辑的预算` });
  if (file.body.byteLength > MAX_WORKBOOK_BYTES)
    return { item: file.name, ok: false, message: `未导入：文件过大（超过 ${MAX_WORKBOOK_BYTES / 1024 / 1024} MB）` };
  if (/\.xlsx$/i.test(file.name)) {
    // Read once for its stamp (which budget it is for); the import reads it again within its own checks.
    const read = await readEntryWorkbook(file.body, { catalogFor: (year) => loadCatalog(db, year) });
    if (!read.stamp) return read.ok ? { item: file.name, ok: false, message: "未导入：工作簿缺少版本标记" } : refusedItem(file.name, read.errors);
    const budget = await targetBudget(db, owner, read.stamp);
    if (!budget) return notFound(`工作簿（${read.stamp.region}/${read.stamp.unit} ${read.stamp.year} 年）`);
    const result = await importWorkbookIntoBudget(db, owner, {
      budgetId: budget.id,
      expectedVersion: budget.version,
      data: file.body,
      mode: "replace",
      apply: true,
    });
    return outcome(file.name, result, "录入工作簿");
  }
  if (/\.json$/i.test(file.name)) {
    const parsed = parsePackageJson(new TextDecoder().decode(file.body));
    if (!parsed.ok) return refusedItem(file.name, parsed.errors);
    const { pkg } = parsed;
    const budget = await targetBudget(db, owner, { budgetId: null, region: pkg.region.code, unit: pkg.unit.code, year: pkg.year });
    if (!budget) return notFound(`预算包（${pkg.region.code}/${pkg.unit.code} ${pkg.year} 年）`);
    const result = await importPackageIntoBudget(db, owner, { budgetId: budget.id, expectedVersion: budget.version, pkg, mode: "replace", apply: true });
    return outcome(file.name, result, "预算包");
  }
  return { item: file.name, ok: false, message: "未导入：只接受预算包（.json）或录入工作簿（.xlsx）" };
}

/**
 * Imports many packages or entry workbooks, each into the draft of the department and year it
 * names, each in its own transaction through the same checks as one import from the budget's
 * page: a file with a problem is reported (file, cell or field) and changes nothing, the others
 * are applied.
 */
export const importPackagesJob: JobHandler = async (ctx) => {
  if (!mayImportPackages(ctx.owner)) throw new JobRefused("您已没有导入预算的权限，任务未执行");
  const files = await ctx.files();
  await ctx.setTotal(files.length);
  for (const file of files) {
    let item: JobItem;
    try {
      item = await importOne(ctx.db, ctx.owner, file);
    } catch (error) {
      item = { item: file.name, ok: false, message: `未导入：处理时出错（${error instanceof Error ? error.message : String(error)}）` };
    }
    await ctx.item(item);
  }
  return { message: jobSummary(ctx.items, "文件") };
};
