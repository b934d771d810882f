import { type Budget } from "@/lib/budget/model";
import { budgetToPackage } from "@/lib/budget/package/from-budget";
import type { BudgetPackage } from "@/lib/budget/package/schema";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "../client";
import { budgetContentInclude, budgetFromRows } from "./read-budget";

export interface BudgetKey {
  region: string;
  unit: string;
  year: number;
  kind?: "budget" | "final";
}

/** The model of one budget, found by key inside `scope` (a budget outside it is not found). */
export async function loadBudgetByKey(db: Db, key: BudgetKey, scope: Prisma.BudgetWhereInput = {}): Promise<Budget | null> {
  const row = await db.budget.findFirst({
    where: {
      AND: [scope, { year: key.year, kind: key.kind ?? "budget", department: { code: key.unit, region: { code: key.region } } }],
    },
    include: budgetContentInclude,
  });
  return row ? budgetFromRows(row) : null;
}

export async function loadBudgetById(db: Db, id: number, scope: Prisma.BudgetWhereInput): Promise<Budget | null> {
  const row = await db.budget.findFirst({ where: { AND: [scope, { id }] }, include: budgetContentInclude });
  return row ? budgetFromRows(row) : null;
}

export async function exportPackage(db: Db, key: BudgetKey, scope: Prisma.BudgetWhereInput = {}): Promise<BudgetPackage | null> {
  const budget = await loadBudgetByKey(db, key, scope);
  return budget ? budgetToPackage(budget) : null;
}
