import { formatFen } from "@/lib/budget/compute/fen";
import type { TableContext } from "./context";
import { indicatorRows } from "./common";
import { leafExpenditure } from "./t6-department-summary";
import type { T10DepartmentPerformance } from "./types";

/** 表十 部门（单位）整体支出绩效目标表; 部门支出预算总额 is T6's expenditure total. */
export function buildT10(ctx: TableContext): T10DepartmentPerformance {
  const { budget } = ctx;
  const total = leafExpenditure(ctx.functions.total);
  return {
    department: `${budget.unit.code}-${budget.unit.name}`,
    budgetTotal: formatFen(total),
    performanceOffice: budget.unit.performanceOffice ?? "",
    goal: budget.performance.goal ?? "",
    indicators: indicatorRows(budget.performance.indicators),
  };
}
