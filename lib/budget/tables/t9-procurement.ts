import Decimal from "decimal.js";
import { ZERO } from "@/lib/budget/money";
import { FUNDS, PROCUREMENT_CATEGORIES, type Fund } from "@/lib/budget/model";
import type { TableContext } from "./context";
import { fundColumns } from "./common";
import type { T9Procurement } from "./types";

export const NO_PROCUREMENT_NOTE = "本部门无政府采购预算，故此表无数据。";

/** 表九 政府采购预算明细表: 货物/工程/服务 by source of money. */
export function buildT9(ctx: TableContext): T9Procurement {
  const totals = Object.fromEntries(FUNDS.map((f) => [f, ZERO])) as Record<Fund, Decimal>;
  const rows = PROCUREMENT_CATEGORIES.map((category) => {
    const byFund: Partial<Record<Fund, Decimal>> = {};
    for (const line of ctx.shown.procurement) {
      if (line.category !== category) continue;
      byFund[line.fund] = (byFund[line.fund] ?? ZERO).plus(line.amount);
      totals[line.fund] = totals[line.fund].plus(line.amount);
    }
    return { category, ...fundColumns(byFund) };
  });
  const empty = FUNDS.every((f) => totals[f].isZero());
  return { rows, total: fundColumns(totals), ...(empty ? { note: NO_PROCUREMENT_NOTE } : {}) };
}
