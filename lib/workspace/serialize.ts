import { budgetToPackage, type Budget, type PriorYear } from "@/lib/budget/model";
import type { BudgetPackage } from "@/lib/budget/package/schema";
import { buildCatalog, type Catalog, type EconomicSubject, type FunctionSubject } from "@/lib/catalog/catalog";

/** A catalogue as plain arrays, to hand from a server component to the browser. */
export interface CatalogData {
  year: number;
  functions: FunctionSubject[];
  economics: EconomicSubject[];
}

export const catalogToData = (c: Catalog): CatalogData => ({
  year: c.year,
  functions: [...c.functions.values()],
  economics: [...c.economics.values()],
});

export const catalogFromData = (d: CatalogData): Catalog => buildCatalog(d.year, d.functions, d.economics);

/**
 * The budget as the browser edits it: a package in 元 (the unit accountants type), with the
 * prior-year figures the server would use (last year's approved budget when there is one).
 */
export function workingPackage(budget: Budget, prior?: PriorYear): BudgetPackage {
  return budgetToPackage(prior ? { ...budget, priorYear: prior } : budget, { unit: "元" });
}
