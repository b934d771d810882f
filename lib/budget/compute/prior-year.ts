import Decimal from "decimal.js";
import { ZERO, sum } from "@/lib/budget/money";
import type { Budget, PriorYear } from "@/lib/budget/model";
import { isPersonnelEconomic } from "@/lib/catalog/catalog";
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
