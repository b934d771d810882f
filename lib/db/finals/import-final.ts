import type { BudgetStatus, Prisma } from "@/generated/prisma/client";
import type { PackageError } from "@/lib/budget/package/schema";
import { evaluateFinal } from "@/lib/final/evaluate";
import { packageToFinal } from "@/lib/final/model";
import { parseFinalPackageValue, type FinalPackage } from "@/lib/final/package/schema";
import type { Db } from "../client";
import { departmentOfPackage, ImportRejected } from "../budgets/package-department";
import { finalCatalog } from "./final-catalog";
import { finalColumns, writeFinalContent } from "./write-final";

export type ImportFinalResult = { ok: true; budgetId: number; created: boolean } | { ok: false; errors: PackageError[] };

export interface ImportFinalOptions {
  replace?: boolean;
  status?: BudgetStatus;
  actorId?: number | null;
}

const EDITABLE: BudgetStatus[] = ["DRAFT", "RETURNED"];

/**
 * Codes the catalogue lacks are refused at import, like a budget's; every other finding (a fund
 * that does not balance, a missing reason) is the draft's to fix and blocks only 报送 and 公开.
 */
export async function catalogueProblems(tx: Prisma.TransactionClient | Db, pkg: FinalPackage): Promise<PackageError[]> {
  const catalog = await finalCatalog(tx, pkg.year);
  return evaluateFinal(packageToFinal(pkg), catalog)
    .findings.filter((f) => f.rule === "final.catalogue-codes-valid")
    .map((f) => ({ path: f.path ?? "", message: f.message }));
}

/** Stores a 决算 package (already read as JSON) in one transaction, as importPackageText does a budget. */
export async function importFinalValue(db: Db, value: unknown, options: ImportFinalOptions = {}): Promise<ImportFinalResult> {
  const parsed = parseFinalPackageValue(value);
  if (!parsed.ok) return parsed;
  const pkg = parsed.pkg;
  try {
    return await db.$transaction(
      async (tx) => {
        const problems = await catalogueProblems(tx, pkg);
        if (problems.length > 0) throw new ImportRejected(problems);
        const department = await departmentOfPackage(tx, pkg, "决算包");
        const existing = await tx.budget.findFirst({
          where: { departmentId: department.id, year: pkg.year, kind: "final", subUnitId: null },
        });
        const label = `${pkg.unit.name} ${pkg.year} 年决算`;
        if (existing && !options.replace) {
          throw new ImportRejected([{ path: "", message: `${label}已存在；如需覆盖，请使用“替换”导入（仅限编制中或已退回的决算）` }]);
        }
        if (existing && !EDITABLE.includes(existing.status)) {
          throw new ImportRejected([{ path: "", message: `${label}当前状态不允许修改，只有编制中或已退回的决算可以替换` }]);
        }
        const status = existing?.status ?? options.status ?? "DRAFT";
        const row = existing
          ? await tx.budget.update({ where: { id: existing.id }, data: { ...finalColumns(pkg), version: { increment: 1 } } })
          : await tx.budget.create({
              data: { departmentId: department.id, year: pkg.year, kind: "final", status, ...finalColumns(pkg) },
            });
        await writeFinalContent(tx, row.id, pkg);
        await tx.budgetEvent.create({
          data: {
            budgetId: row.id,
            actorId: options.actorId ?? null,
            action: existing ? "import.replace" : "import",
            fromStatus: existing ? status : null,
            toStatus: status,
            version: row.version,
            comment: existing ? "导入决算包，替换原有内容" : "导入决算包",
          },
        });
        return { ok: true as const, budgetId: row.id, created: !existing };
      },
      { timeout: 60_000, maxWait: 30_000 },
    );
  } catch (error) {
    if (error instanceof ImportRejected) return { ok: false, errors: error.errors };
    throw error;
  }
}
