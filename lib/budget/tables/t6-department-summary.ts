import { ZERO, sum } from "@/lib/budget/money";
import { FUNDS } from "@/lib/budget/model";
import { functionName } from "@/lib/catalog/catalog";
import type { TableContext } from "./context";
import { FISCAL_FUNDS, classOf, expenditureAtoms, fmt, sumByKey } from "./common";
import type { T6DepartmentSummary } from "./types";

/** 表六 部门收支总表: every source of money, and expenditure by function 类. */
export function buildT6(ctx: TableContext): T6DepartmentSummary {
  const { shown, catalog } = ctx;
  const income = Object.fromEntries(FUNDS.map((f) => [f, fmt(shown.income[f])])) as Record<(typeof FUNDS)[number], string>;
  const carryover = sum(FISCAL_FUNDS.map((f) => shown.carryover[f]));
  const incomeTotal = sum(FUNDS.map((f) => shown.income[f])).plus(carryover);

  const byClass = [
    ...sumByKey(
      expenditureAtoms(shown),
      (a) => classOf(a.function),
      (a) => a.amount,
    ).entries(),
  ].filter(([, amount]) => !amount.isZero());
  const total = byClass.reduce((acc, [, amount]) => acc.plus(amount), ZERO);
  return {
    income: { ...income, carryover: fmt(carryover), total: fmt(incomeTotal) },
    expenditure: {
      byClass: byClass.map(([code, amount]) => ({ code, name: functionName(catalog, code), total: fmt(amount) })),
      total: fmt(total),
    },
  };
}
