import type { Budget, PriorYear } from "@/lib/budget/model";
import type { Catalog } from "@/lib/catalog/catalog";
import type { Prisma } from "@/generated/prisma/client";
import { loadCatalog } from "../catalog-store";
import { loadPriorYears, priorYearKey } from "./prior-year";
import { budgetContentInclude, budgetFromRows } from "./read-budget";

type Tx = Prisma.TransactionClient;

interface EngineInput {
  id: number;
  status: string;
  version: number;
  budget: Budget;
  catalog: Catalog;
  prior?: PriorYear;
}

/**
 * Budgets with everything lib/budget needs to compute their tables, narrative and findings, read
 * inside `scope` (a budget outside it is simply missing) with a fixed number of queries however
 * many budgets are asked for — the district dashboard reads a hundred at once.
 */
export async function loadManyForEnginePrisma(tx: Tx, ids: number[], scope: Prisma.BudgetWhereInput): Promise<EngineInput[]> {
  if (ids.length === 0) return [];
  const rows = await tx.budget.findMany({ where: { AND: [scope, { id: { in: ids } }] }, include: budgetContentInclude });
  const priors = await loadPriorYears(tx, rows);
  const out: EngineInput[] = [];
  // One catalogue check per year, not per budget: a dashboard reads a hundred budgets of one year.
  const catalogs = new Map<number, Catalog | null>();
  for (const row of rows) {
    if (!catalogs.has(row.year)) catalogs.set(row.year, await loadCatalog(tx, row.year));
    const catalog = catalogs.get(row.year);
    if (!catalog) throw new Error(`数据库中没有 ${row.year} 年的科目目录，请管理员导入 ${row.year} 年完整科目目录`);
    const prior = priors.get(priorYearKey(row));
    out.push({ id: row.id, status: row.status, version: row.version, budget: budgetFromRows(row), catalog, ...(prior ? { prior } : {}) });
  }
  return out;
}

/** One budget for the engine, or null when it is outside `scope`. */
export async function loadForEnginePrisma(tx: Tx, id: number, scope: Prisma.BudgetWhereInput): Promise<EngineInput | null> {
  return (await loadManyForEnginePrisma(tx, [id], scope))[0] ?? null;
}
