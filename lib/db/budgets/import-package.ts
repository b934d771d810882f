import { parsePackageValue, readPackageText, type PackageError } from "@/lib/budget/package/schema";
import { packageKindOf } from "@/lib/final/package/schema";
import { importFinalValue } from "../finals/import-final";
import type { BudgetStatus } from "@/generated/prisma/client";
import type { Db } from "../client";
import { departmentOfPackage, ImportRejected } from "./package-department";
import { checkedBudget, refuseUnlessReplaceable } from "./import-checks";
import { loadCatalog } from "../catalog-store";
import { budgetColumns, writeBudgetContent } from "./write-budget";
import { recordEvent } from "./commit-content";
import { budgetFromRows } from "./read-budget";
import { findBudgetWithContent } from "./content-sql";

export type ImportResult = { ok: true; budgetId: number; created: boolean } | { ok: false; errors: PackageError[] };

export interface ImportOptions {
  /** Replace the content of an existing budget of the same department, year and kind (only while editable). */
  replace?: boolean;
  /** Status of a newly created budget (the demo seed loads submitted and published ones). */
  status?: BudgetStatus;
  actorId?: number | null;
}

/**
 * Validates a Budget Package (schema, then codes against the year's catalogue) and stores it in
 * one transaction: either the whole budget is there afterwards, or nothing changed.
 */
export async function importPackageText(db: Db, text: string, options: ImportOptions = {}): Promise<ImportResult> {
  const read = readPackageText(text);
  if (!read.ok) return read;
  // A 决算 package is stored as its document (lib/db/finals); everything else is read as a budget.
  if (packageKindOf(read.value) === "final") return importFinalValue(db, read.value, options);
  const parsed = parsePackageValue(read.value);
  if (!parsed.ok) return parsed;
  const pkg = parsed.pkg;
  try {
    return await db.$transaction(
      async (tx) => {
        const budget = checkedBudget(pkg, await loadCatalog(tx, pkg.year));

        const department = await departmentOfPackage(tx, pkg, "预算包");
        const existing = await findBudgetWithContent(tx, { departmentId: department.id, year: pkg.year, kind: pkg.kind, subUnitId: null });
        refuseUnlessReplaceable(pkg, existing, options.replace);
        const status = existing?.status ?? options.status ?? "DRAFT";
        const row = existing
          ? await tx.budget.update({ where: { id: existing.id }, data: { ...budgetColumns(budget), version: { increment: 1 } } })
          : await tx.budget.create({
              data: { departmentId: department.id, year: pkg.year, kind: pkg.kind, status, ...budgetColumns(budget) },
            });
        await writeBudgetContent(tx, row.id, department.id, budget);
        await recordEvent(
          tx,
          {
            budgetId: row.id,
            status,
            version: row.version,
            actorId: options.actorId ?? null,
            action: existing ? "import.replace" : "import",
            comment: existing ? "导入预算包，替换原有内容" : "导入预算包",
          },
          existing ? budgetFromRows(existing) : null,
          budget,
        );
        return { ok: true as const, budgetId: row.id, created: !existing };
      },
      { timeout: 60_000, maxWait: 30_000 },
    );
  } catch (error) {
    if (error instanceof ImportRejected) return { ok: false, errors: error.errors };
    throw error;
  }
}
