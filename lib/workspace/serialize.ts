import { type Budget, type PriorYear } from "@/lib/budget/model";
import { budgetToPackage } from "@/lib/budget/package/from-budget";
import type { BudgetPackage } from "@/lib/budget/package/schema";
import { buildCatalog, type Catalog, type EconomicSubject, type FunctionSubject } from "@/lib/catalog/catalog";

/** A catalogue as plain arrays, to hand from a server component to the browser. */
export interface CatalogData {
  year: number;
  functions: FunctionSubject[];
  economics: EconomicSubject[];
  /** Last year's function subjects and 1:1 successors: what 上年 codes are checked against. */
  previous?: { year: number; functions: FunctionSubject[]; successors: Record<string, string> };
}

export const catalogToData = (c: Catalog): CatalogData => ({
  year: c.year,
  functions: [...c.functions.values()],
  economics: [...c.economics.values()],
  ...(c.previous ? { previous: { year: c.previous.year, functions: [...c.previous.functions.values()], successors: { ...c.previous.successors } } } : {}),
});

export const catalogFromData = (d: CatalogData): Catalog => {
  const catalog = buildCatalog(d.year, d.functions, d.economics);
  if (!d.previous) return catalog;
  const previous = { year: d.previous.year, functions: new Map(d.previous.functions.map((f) => [f.code, f])), successors: d.previous.successors };
  return { ...catalog, previous };
};

/**
 * The budget as the browser edits it: a package in 元 (the unit accountants type), with the
 * prior-year figures the server would use (last year's approved budget when there is one).
 */
export function workingPackage(budget: Budget, prior?: PriorYear): BudgetPackage {
  return budgetToPackage(prior ? { ...budget, priorYear: prior } : budget, { unit: "元" });
}
