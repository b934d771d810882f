import { ZERO } from "@/lib/budget/money";
import type { TableContext } from "./context";
import { expenditureAtoms, fmt, indicatorRows } from "./common";
import type { T10DepartmentPerformance } from "./types";

/** 表十 部门（单位）整体支出绩效目标表; 部门支出预算总额 is T6's expenditure total. */
export function buildT10(ctx: TableContext): T10DepartmentPerformance {
  const { budget } = ctx;
  const total = expenditureAtoms(ctx.shown).reduce((acc, a) => acc.plus(a.amount), ZERO);
  return {
    department: `${budget.unit.code}-${budget.unit.name}`,
    budgetTotal: fmt(total),
    performanceOffice: budget.unit.performanceOffice ?? "",
    goal: budget.performance.goal ?? "",
    indicators: indicatorRows(budget.performance.indicators),
  };
}
