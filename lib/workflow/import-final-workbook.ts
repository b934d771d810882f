import type { Failure } from "@/lib/result";
import { hasPermission, type SessionUser } from "@/lib/auth/permissions";
import type { FinalChange } from "@/lib/final/package/diff";
import { diffFinalPackages } from "@/lib/final/package/diff";
import { readFinalWorkbook } from "@/lib/workbook/read-final-workbook";
import type { WorkbookProblem } from "@/lib/workbook/sheet-reader";
import type { Db } from "@/lib/db/client";
import { budgetScope } from "@/lib/db/scope";
import { EDITABLE_STATUSES } from "@/lib/db/budgets/commit-content";
import { MAX_WORKBOOK_BYTES, stampProblem } from "./import-workbook";
import { catalogueProblems } from "@/lib/db/finals/import-final";
import { changeFinal } from "./save-final";

/** The one failure shape (lib/result): the first problem's message, and every problem. */
const refused = (errors: WorkbookProblem[]) => ({ ok: false as const, code: "rejected" as const, message: errors[0]?.message ?? "工作簿不能导入", errors });

export type ImportFinalWorkbookResult =
  | { ok: true; applied: false; changes: FinalChange[] }
  | { ok: true; applied: true; version: number; changes: FinalChange[] }
  | Failure<{ code: "rejected"; errors: WorkbookProblem[] }>;

/**
 * Previews (apply = false) or applies a 决算's entry workbook to its draft: made for this 决算 at
 * its current version, read through the 决算 schema with every problem at its cell, codes checked
 * against the catalogue as at import, then stored in one transaction as a section save is.
 */
export async function importFinalWorkbook(
  db: Db,
  actor: SessionUser,
  input: { budgetId: number; expectedVersion: number; data: Uint8Array; apply: boolean },
): Promise<ImportFinalWorkbookResult> {
  const fail = (message: string): ImportFinalWorkbookResult => refused([{ path: "", message }]);
  if (!hasPermission(actor, "budget.import") || !hasPermission(actor, "budget.edit")) return fail("您没有导入决算的权限");
  if (input.data.byteLength > MAX_WORKBOOK_BYTES) return fail(`工作簿过大（超过 ${MAX_WORKBOOK_BYTES / 1024 / 1024} MB）`);
  const row = await db.budget.findFirst({
    where: { AND: [budgetScope(actor, "budget.edit"), { id: input.budgetId, kind: "final" }] },
    select: {
      id: true,
      year: true,
      version: true,
      status: true,
      finalContent: { select: { package: true } },
      department: { select: { code: true, region: { select: { code: true } } } },
    },
  });
  if (!row?.finalContent) return fail("未找到该决算");
  if (!(EDITABLE_STATUSES as readonly string[]).includes(row.status)) return fail("只有编制中或已退回的决算可以导入");
  const read = await readFinalWorkbook(input.data);
  const target = { id: row.id, year: row.year, version: row.version, region: row.department.region.code, unit: row.department.code };
  const stale = read.stamp ? stampProblem(read.stamp, target, "决算") : null;
  if (stale) return fail(stale);
  if (!read.ok) return refused(read.errors);
  const problems = await catalogueProblems(db, read.pkg);
  if (problems.length > 0) return refused(problems.map((p) => ({ ...p, ...(read.cellOf(p.path) ? { cell: read.cellOf(p.path) } : {}) })));
  const changes = diffFinalPackages(row.finalContent.package, read.pkg);
  if (!input.apply) return { ok: true, applied: false, changes };
  const saved = await changeFinal(db, actor, input, () => read.pkg, { action: "import.final.workbook", comment: "导入决算录入工作簿" });
  if (!saved.ok) return refused(saved.errors ?? [{ path: "", message: saved.message }]);
  return { ok: true, applied: true, version: saved.version, changes };
}
