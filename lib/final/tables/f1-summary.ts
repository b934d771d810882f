import Decimal from "decimal.js";
import { ZERO, sum } from "@/lib/budget/money";
import { FUNDS, type Fund } from "@/lib/budget/model";
import { functionName } from "@/lib/catalog/catalog";
import type { FinalContext } from "./context";
import { classOf, finalAtoms, fmt } from "./common";
import { INCOME_SOURCES, type F1Summary, type IncomeSource } from "./types";

/** 财政专户管理资金 is reported as 事业收入 in a 决算 (there is no column of its own). */
export function incomeSourceOf(fund: Fund): IncomeSource {
  return fund === "specialAccount" ? "operations" : fund;
}

/** Printed income per source of 收入支出决算总表 / 收入决算表. */
export function incomeBySource(ctx: FinalContext): Record<IncomeSource, Decimal> {
  const out = Object.fromEntries(INCOME_SOURCES.map((s) => [s, ZERO])) as Record<IncomeSource, Decimal>;
  for (const l of ctx.shown.income) out[incomeSourceOf(l.fund)] = out[incomeSourceOf(l.fund)].plus(l.amount);
  return out;
}

/** 财决公开01 收入支出决算总表: income by source, expenditure by 功能 类, carryovers, 总计 on both sides. */
export function buildF1(ctx: FinalContext): F1Summary {
  const bySource = incomeBySource(ctx);
  const incomeTotal = sum(Object.values(bySource));
  const opening = sum(FUNDS.map((f) => ctx.shown.opening[f]));
  const closing = sum(FUNDS.map((f) => ctx.shown.closing[f]));
  const byClass = new Map<string, Decimal>();
  for (const a of finalAtoms(ctx.shown)) byClass.set(classOf(a.function), (byClass.get(classOf(a.function)) ?? ZERO).plus(a.actual));
  const classes = [...byClass.entries()].filter(([, v]) => !v.isZero()).sort(([a], [b]) => (a < b ? -1 : 1));
  const expenditureTotal = sum(classes.map(([, v]) => v));
  return {
    income: {
      ...(Object.fromEntries(INCOME_SOURCES.map((s) => [s, fmt(bySource[s])])) as Record<IncomeSource, string>),
      total: fmt(incomeTotal),
      opening: fmt(opening),
      grandTotal: fmt(incomeTotal.plus(opening)),
    },
    expenditure: {
      byClass: classes.map(([code, v]) => ({ code, name: functionName(ctx.catalog, code), amount: fmt(v) })),
      total: fmt(expenditureTotal),
      closing: fmt(closing),
      grandTotal: fmt(expenditureTotal.plus(closing)),
    },
  };
}
