import type { Prisma } from "@/generated/prisma/client";
import { budgetToPackage } from "@/lib/budget/package/from-budget";
import { discloseBudget } from "@/lib/budget/disclose";
import type { Finding } from "@/lib/budget/rules/types";
import { loadForEngine } from "@/lib/db/budgets/load-for-engine";
import { loadFinalForEngine } from "@/lib/db/finals/read-final";
import { evaluateFinal } from "@/lib/final/evaluate";
import { AppError, NOT_FOUND_MESSAGE } from "@/lib/errors";
import { ceilingFindings, ceilingUse } from "@/lib/budget/ceilings";
import { issuedCeilings } from "@/lib/db/queries/ceilings";

export type DocumentKind = "budget" | "final";

export const KIND_LABELS: Record<DocumentKind, string> = { budget: "预算", final: "决算" };

/**
 * The error-level findings of a budget or a 决算 as it is stored now, read inside `scope`, with
 * its package: 报送 and 公开 are refused on the same findings whichever kind it is.
 */
export async function engineErrors(
  tx: Prisma.TransactionClient,
  budgetId: number,
  scope: Prisma.BudgetWhereInput,
  options: { ceilings?: boolean } = {},
): Promise<{ kind: DocumentKind; errors: Finding[]; pkg: Prisma.InputJsonValue }> {
  const row = await tx.budget.findFirst({ where: { AND: [scope, { id: budgetId }] }, select: { kind: true, departmentId: true, year: true } });
  if (!row) throw new AppError("not_found", NOT_FOUND_MESSAGE);
  if (row.kind === "final") {
    const engine = await loadFinalForEngine(tx, budgetId, scope);
    if (!engine) throw new AppError("not_found", NOT_FOUND_MESSAGE);
    const errors = evaluateFinal(engine.final, engine.catalog).findings.filter((f) => f.severity === "error");
    return { kind: "final", errors, pkg: engine.pkg as unknown as Prisma.InputJsonValue };
  }
  const engine = await loadForEngine(tx, budgetId, scope);
  if (!engine) throw new AppError("not_found", NOT_FOUND_MESSAGE);
  const errors = discloseBudget(engine).findings.filter((f) => f.severity === "error");
  // 控制数 are the bureau's, not the package's: held against the amounts at 报送 once issued.
  if (options.ceilings) errors.push(...ceilingFindings(ceilingUse(engine.budget, await issuedCeilings(tx, row.departmentId, row.year))));
  return { kind: "budget", errors, pkg: budgetToPackage(engine.budget) as unknown as Prisma.InputJsonValue };
}
