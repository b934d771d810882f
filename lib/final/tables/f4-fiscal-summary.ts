import Decimal from "decimal.js";
import { ZERO, sum } from "@/lib/budget/money";
import { functionName } from "@/lib/catalog/catalog";
import { FISCAL_FUNDS, fiscalColumns } from "@/lib/budget/tables/common";
import type { FiscalFund } from "@/lib/budget/tables/types";
import type { FinalContext } from "./context";
import { classOf, finalAtoms, sumByFund } from "./common";
import type { F4FiscalSummary } from "./types";

const isFiscal = (fund: string): fund is FiscalFund => (FISCAL_FUNDS as readonly string[]).includes(fund);

/** 财决公开04 财政拨款收入支出决算总表: the three fiscal funds only. */
export function buildF4(ctx: FinalContext): F4FiscalSummary {
  const { shown, catalog } = ctx;
  const atoms = finalAtoms(shown).filter((a) => isFiscal(a.fund));
  const byClass = new Map<string, Record<FiscalFund, Decimal>>();
  for (const a of atoms) {
    const row = byClass.get(classOf(a.function)) ?? { generalBudget: ZERO, governmentFund: ZERO, stateCapital: ZERO };
    row[a.fund as FiscalFund] = row[a.fund as FiscalFund].plus(a.actual);
    byClass.set(classOf(a.function), row);
  }
  const classes = [...byClass.entries()].filter(([, row]) => FISCAL_FUNDS.some((f) => !row[f].isZero())).sort(([a], [b]) => (a < b ? -1 : 1));
  const current = { generalBudget: ZERO, governmentFund: ZERO, stateCapital: ZERO };
  for (const [, row] of classes) for (const f of FISCAL_FUNDS) current[f] = current[f].plus(row[f]);
  const income = sumByFund(
    shown.income.filter((l) => isFiscal(l.fund)),
    (l) => l.amount,
  );
  const pick = (r: Record<string, Decimal>) => ({ generalBudget: r.generalBudget!, governmentFund: r.governmentFund!, stateCapital: r.stateCapital! });
  const opening = pick(shown.opening);
  const closing = pick(shown.closing);
  const incomeTotal = sum(FISCAL_FUNDS.map((f) => (income[f] ?? ZERO).plus(opening[f])));
  return {
    income: { current: fiscalColumns(income as Partial<Record<FiscalFund, Decimal>>), opening: fiscalColumns(opening), total: incomeTotal.toFixed(2) },
    expenditure: {
      byClass: classes.map(([code, row]) => ({ code, name: functionName(catalog, code), ...fiscalColumns(row) })),
      current: fiscalColumns(current),
      closing: fiscalColumns(closing),
      total: fiscalColumns(Object.fromEntries(FISCAL_FUNDS.map((f) => [f, current[f].plus(closing[f])]))),
    },
  };
}
