import type { Fen } from "@/lib/budget/compute/fen";
import { FUNDS, PROCUREMENT_CATEGORIES, type Fund } from "@/lib/budget/model";
import type { TableContext } from "./context";
import { fundColumns } from "./common";
import type { T9Procurement } from "./types";

export const NO_PROCUREMENT_NOTE = "本部门无政府采购预算，故此表无数据。";

/** 表九 政府采购预算明细表: 货物/工程/服务 by source of money. */
export function buildT9(ctx: TableContext): T9Procurement {
  const totals = Object.fromEntries(FUNDS.map((f) => [f, 0n])) as Record<Fund, Fen>;
  const rows = PROCUREMENT_CATEGORIES.map((category) => {
    const byFund: Partial<Record<Fund, Fen>> = {};
    for (const line of ctx.shown.procurement) {
      if (line.category !== category) continue;
      byFund[line.fund] = (byFund[line.fund] ?? 0n) + line.amount;
      totals[line.fund] += line.amount;
    }
    return { category, ...fundColumns((f) => byFund[f]) };
  });
  const empty = FUNDS.every((f) => totals[f] === 0n);
  return { rows, total: fundColumns((f) => totals[f]), ...(empty ? { note: NO_PROCUREMENT_NOTE } : {}) };
}
