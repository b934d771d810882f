import { formatFen, type Fen } from "@/lib/budget/compute/fen";
import { FUNCTION_SLOTS, PRIOR_SLOT } from "@/lib/budget/compute/fen-tree";
import { FUNDS } from "@/lib/budget/model";
import { functionName } from "@/lib/catalog/catalog";
import type { TableContext } from "./context";
import { FISCAL_FUNDS, classOf } from "./common";
import type { T6DepartmentSummary } from "./types";

/** All this year's money on a leaf of the function tree (every fund, basic and project). */
export function leafExpenditure(sums: readonly Fen[]): Fen {
  let total = 0n;
  for (let i = 0; i < FUNCTION_SLOTS; i++) if (i !== PRIOR_SLOT) total += sums[i]!;
  return total;
}

/** 表六 部门收支总表: every source of money, and expenditure by function 类. */
export function buildT6(ctx: TableContext): T6DepartmentSummary {
  const { shown, catalog } = ctx;
  const income = Object.fromEntries(FUNDS.map((f) => [f, formatFen(shown.income[f])])) as Record<(typeof FUNDS)[number], string>;
  const carryover = FISCAL_FUNDS.reduce((acc, f) => acc + shown.carryover[f], 0n);
  const incomeTotal = FUNDS.reduce((acc, f) => acc + shown.income[f], 0n) + carryover;

  const sums = new Map<string, Fen>();
  for (const leaf of ctx.functions.leaves) {
    const cls = classOf(leaf.code);
    sums.set(cls, (sums.get(cls) ?? 0n) + leafExpenditure(leaf.sums));
  }
  const byClass = [...sums.entries()].filter(([, amount]) => amount !== 0n).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const total = byClass.reduce((acc, [, amount]) => acc + amount, 0n);
  return {
    income: { ...income, carryover: formatFen(carryover), total: formatFen(incomeTotal) },
    expenditure: {
      byClass: byClass.map(([code, amount]) => ({ code, name: functionName(catalog, code), total: formatFen(amount) })),
      total: formatFen(total),
    },
  };
}
