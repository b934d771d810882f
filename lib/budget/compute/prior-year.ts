import Decimal from "decimal.js";
import { ZERO, sum } from "@/lib/budget/money";
import type { Budget, PriorYear } from "@/lib/budget/model";
import { isPersonnelEconomic, priorCodeShown, type Catalog } from "@/lib/catalog/catalog";
import { applyCrosswalk, type Crosswalk } from "@/lib/catalog/crosswalk";

/**
 * Last year's figures as this year's tables and narrative need them, from last year's approved
 * budget (what the database layer passes as `options.prior`). Only general-budget money counts,
 * like T2 and the narrative's 一般公共预算 sentences; function codes go through the crosswalk so
 * last year's amounts land on this year's rows.
 */
export function priorYearFromBudget(last: Budget, crosswalk: Crosswalk = {}): PriorYear {
  const basic = last.basicExpenditure.filter((l) => l.fund === "generalBudget");
  const projects = last.projects.filter((p) => p.fund === "generalBudget");
  const byFunction: Record<string, Decimal> = {};
  for (const item of [...basic, ...projects]) {
    byFunction[item.function] = (byFunction[item.function] ?? ZERO).plus(item.amount);
  }
  return {
    expenditureByFunction: applyCrosswalk(byFunction, crosswalk),
    basic: sum(basic.map((l) => l.amount)),
    project: sum(projects.map((p) => p.amount)),
    threePublic: { ...last.threePublic },
    operatingFunds: sum(basic.filter((l) => !isPersonnelEconomic(l.economic)).map((l) => l.amount)),
  };
}

/**
 * A budget's own 上年 figures (as its package published them, in last year's codes) on this
 * year's rows: a code the crosswalk maps 1:1 moves to its successor; any other code stays as
 * published (the 2024 信访办 T2 prints 2010308 信访事务 as its own row). The database's prior
 * year (priorYearFromBudget) has been through the crosswalk already.
 */
export function priorYearOnCurrentCodes(prior: PriorYear | undefined, catalog: Catalog): PriorYear | undefined {
  const byFunction = prior?.expenditureByFunction;
  if (!prior || !byFunction || !catalog.previous) return prior;
  if (!Object.keys(byFunction).some((code) => priorCodeShown(catalog, code) !== code)) return prior;
  return { ...prior, expenditureByFunction: applyCrosswalk(byFunction, catalog.previous.successors) };
}
