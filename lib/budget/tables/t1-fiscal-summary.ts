import Decimal from "decimal.js";
import { ZERO } from "@/lib/budget/money";
import { functionName } from "@/lib/catalog/catalog";
import type { TableContext } from "./context";
import { FISCAL_FUNDS, classOf, expenditureAtoms, fiscalColumns } from "./common";
import type { FiscalFund, T1FiscalSummary } from "./types";

/** 表一 财政拨款收支总表: fiscal money only (general budget, government fund, state capital). */
export function buildT1(ctx: TableContext): T1FiscalSummary {
  const { shown, catalog } = ctx;
  const fiscal = expenditureAtoms(shown).filter((a) => (FISCAL_FUNDS as readonly string[]).includes(a.fund));

  const byClass = new Map<string, Record<FiscalFund, Decimal>>();
  for (const atom of fiscal) {
    const cls = classOf(atom.function);
    const row = byClass.get(cls) ?? { generalBudget: ZERO, governmentFund: ZERO, stateCapital: ZERO };
    row[atom.fund as FiscalFund] = row[atom.fund as FiscalFund].plus(atom.amount);
    byClass.set(cls, row);
  }
  const classes = [...byClass.entries()].filter(([, row]) => FISCAL_FUNDS.some((f) => !row[f].isZero())).sort(([a], [b]) => (a < b ? -1 : 1));

  const current = { generalBudget: ZERO, governmentFund: ZERO, stateCapital: ZERO };
  for (const [, row] of classes) for (const f of FISCAL_FUNDS) current[f] = current[f].plus(row[f]);

  const incomeCurrent = fiscalColumns({
    generalBudget: shown.income.generalBudget,
    governmentFund: shown.income.governmentFund,
    stateCapital: shown.income.stateCapital,
  });
  const carryover = fiscalColumns(shown.carryover);
  const incomeTotal = FISCAL_FUNDS.reduce((acc, f) => acc.plus(shown.income[f]).plus(shown.carryover[f]), ZERO);
  // A budget does not plan money carried forward to next year; the row is printed empty.
  const carryForward = fiscalColumns({});
  return {
    income: { current: incomeCurrent, carryover, total: incomeTotal.toFixed(2) },
    expenditure: {
      current: fiscalColumns(current),
      byClass: classes.map(([code, row]) => ({ code, name: functionName(catalog, code), ...fiscalColumns(row) })),
      carryForward,
      total: fiscalColumns(current),
    },
  };
}
