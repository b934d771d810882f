import type { Fen } from "@/lib/budget/compute/fen";
import { basicSlot, projectSlot } from "@/lib/budget/compute/fen-tree";
import { formatFen } from "@/lib/budget/compute/fen";
import { functionName } from "@/lib/catalog/catalog";
import type { TableContext } from "./context";
import { FISCAL_FUNDS, classOf, fiscalFenColumns } from "./common";
import type { FiscalFund, T1FiscalSummary } from "./types";

/** 表一 财政拨款收支总表: fiscal money only (general budget, government fund, state capital). */
export function buildT1(ctx: TableContext): T1FiscalSummary {
  const { shown, catalog } = ctx;
  const slots = FISCAL_FUNDS.map((f) => [f, basicSlot(f), projectSlot(f)] as const);

  const byClass = new Map<string, Record<FiscalFund, Fen>>();
  for (const leaf of ctx.functions.leaves) {
    const cls = classOf(leaf.code);
    let row = byClass.get(cls);
    if (!row) byClass.set(cls, (row = { generalBudget: 0n, governmentFund: 0n, stateCapital: 0n }));
    for (const [f, b, p] of slots) row[f] += leaf.sums[b]! + leaf.sums[p]!;
  }
  const classes = [...byClass.entries()].filter(([, row]) => FISCAL_FUNDS.some((f) => row[f] !== 0n)).sort(([a], [b]) => (a < b ? -1 : 1));

  const current = { generalBudget: 0n, governmentFund: 0n, stateCapital: 0n };
  for (const [, row] of classes) for (const f of FISCAL_FUNDS) current[f] += row[f];

  const incomeCurrent = fiscalFenColumns({
    generalBudget: shown.income.generalBudget,
    governmentFund: shown.income.governmentFund,
    stateCapital: shown.income.stateCapital,
  });
  const carryover = fiscalFenColumns(shown.carryover);
  const incomeTotal = FISCAL_FUNDS.reduce((acc, f) => acc + shown.income[f] + shown.carryover[f], 0n);
  // A budget does not plan money carried forward to next year; the row is printed empty.
  const carryForward = fiscalFenColumns({});
  return {
    income: { current: incomeCurrent, carryover, total: formatFen(incomeTotal) },
    expenditure: {
      current: fiscalFenColumns(current),
      byClass: classes.map(([code, row]) => ({ code, name: functionName(catalog, code), ...fiscalFenColumns(row) })),
      carryForward,
      total: fiscalFenColumns(current),
    },
  };
}
