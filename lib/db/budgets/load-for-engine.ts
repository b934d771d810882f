import type { Budget, PriorYear } from "@/lib/budget/model";
import type { Catalog } from "@/lib/catalog/catalog";
import type { Prisma } from "@/generated/prisma/client";
import { loadCatalog } from "../catalog-store";
import { loadPriorYear } from "./prior-year";
import { budgetContentInclude, budgetFromRows } from "./read-budget";

type Tx = Prisma.TransactionClient;

export interface EngineInput {
  id: number;
  status: string;
  version: number;
  budget: Budget;
  catalog: Catalog;
  prior?: PriorYear;
}

/**
 * A budget with everything lib/budget needs to compute its tables, narrative and findings, read
 * inside `scope`: a budget outside it is not found (null).
 */
export async function loadForEngine(tx: Tx, id: number, scope: Prisma.BudgetWhereInput): Promise<EngineInput | null> {
  const row = await tx.budget.findFirst({ where: { AND: [scope, { id }] }, include: budgetContentInclude });
  if (!row) return null;
  const budget = budgetFromRows(row);
  const catalog = await loadCatalog(tx, row.year);
  if (!catalog) throw new Error(`数据库中没有 ${row.year} 年的科目目录`);
  const prior = await loadPriorYear(tx, row.departmentId, budget);
  return { id: row.id, status: row.status, version: row.version, budget, catalog, ...(prior ? { prior } : {}) };
}
