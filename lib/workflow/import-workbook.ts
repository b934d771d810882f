import type { SessionUser } from "@/lib/auth/permissions";
import { hasPermission } from "@/lib/auth/permissions";
import { readEntryWorkbook } from "@/lib/workbook/read-entry-workbook";
import type { WorkbookStamp } from "@/lib/workbook/write-entry-workbook";
import type { Db } from "@/lib/db/client";
import { loadCatalog } from "@/lib/db/catalog-store";
import { budgetScope } from "@/lib/db/scope";
import { importPackageIntoBudget, rejected, type ImportIntoResult, type ImportMode } from "./import-into-budget";

/** Larger than any real budget's workbook (a 500-line one is about 100 KB), small enough to refuse a bomb early. */
export const MAX_WORKBOOK_BYTES = 10 * 1024 * 1024;

interface Target {
  id: number;
  year: number;
  version: number;
  region: string;
  unit: string;
}

/** Why a workbook was not made for this budget as it is now, or null when it was. */
export function stampProblem(stamp: WorkbookStamp, target: Target, what: "预算" | "决算" = "预算"): string | null {
  if (stamp.budgetId !== null && stamp.budgetId !== target.id) {
    return `此工作簿是为另一本${what}（编号 ${stamp.budgetId}）下载的，不能导入本${what}；请在本${what}的页面重新下载录入工作簿`;
  }
  if (stamp.region !== target.region || stamp.unit !== target.unit) {
    return `此工作簿属于 ${stamp.region}/${stamp.unit}，不是本部门（${target.region}/${target.unit}）的${what}`;
  }
  if (stamp.year !== target.year) return `此工作簿是 ${stamp.year} 年的，当前${what}是 ${target.year} 年`;
  if (stamp.version !== null && stamp.version < target.version) {
    return `此工作簿下载自第 ${stamp.version} 版，${what}此后已修改（当前为第 ${target.version} 版）；为免覆盖他人的修改，请重新下载录入工作簿，把改动填入新工作簿后上传`;
  }
  if (stamp.version !== null && stamp.version > target.version) return "工作簿的版本标记与预算不符，请重新下载录入工作簿";
  return null;
}

/**
 * Previews (apply = false) or applies an entry workbook to a draft: the workbook must have been
 * made for this budget at its current version (or be a blank template of its department and
 * year); then it goes through the package schema, the catalogue and the same import as a JSON
 * package, in one transaction.
 */
export async function importWorkbookIntoBudget(
  db: Db,
  actor: SessionUser,
  input: { budgetId: number; expectedVersion: number; data: Uint8Array; mode: ImportMode; apply: boolean },
): Promise<ImportIntoResult> {
  const fail = (message: string): ImportIntoResult => rejected([{ path: "", message }]);
  if (!hasPermission(actor, "budget.import") || !hasPermission(actor, "budget.edit")) return fail("您没有导入预算的权限");
  if (input.data.byteLength > MAX_WORKBOOK_BYTES) return fail(`工作簿过大（超过 ${MAX_WORKBOOK_BYTES / 1024 / 1024} MB）`);
  const row = await db.budget.findFirst({
    where: { AND: [budgetScope(actor, "budget.edit"), { id: input.budgetId }] },
    select: { id: true, year: true, version: true, department: { select: { code: true, region: { select: { code: true } } } } },
  });
  if (!row) return fail("未找到该预算");
  const target: Target = { id: row.id, year: row.year, version: row.version, region: row.department.region.code, unit: row.department.code };
  const read = await readEntryWorkbook(input.data, { catalogFor: (year) => (year === target.year ? loadCatalog(db, year) : null) });
  // A workbook of another budget is refused for that alone, before its cells are looked at.
  const refused = read.stamp ? stampProblem(read.stamp, target) : null;
  if (refused) return fail(refused);
  if (!read.ok) return rejected(read.errors);
  return importPackageIntoBudget(db, actor, { ...input, pkg: read.pkg, source: "录入工作簿" });
}
