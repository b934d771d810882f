import { formatFen, type Fen } from "@/lib/budget/compute/fen";
import { basicSlot, projectSlot, rowsShowing } from "@/lib/budget/compute/fen-tree";
import type { Fund } from "@/lib/budget/model";
import { functionName } from "@/lib/catalog/catalog";
import type { TableContext } from "./context";
import type { T5GovernmentFund } from "./types";

export const NO_GOVERNMENT_FUND_NOTE = "本部门无政府性基金收支，故此表无数据。";

/** 表五 政府性基金预算支出表. */
export function buildT5(ctx: TableContext): T5GovernmentFund {
  return fundByFunction(ctx, "governmentFund", NO_GOVERNMENT_FUND_NOTE);
}

/** One fund's expenditure by function subject, split basic/project; `note` when there is none. */
export function fundByFunction(ctx: TableContext, fund: Fund, emptyNote: string): T5GovernmentFund {
  const basic = basicSlot(fund);
  const project = projectSlot(fund);
  const tree = ctx.functions;
  const cells = (s: readonly Fen[]) => ({
    total: formatFen(s[basic]! + s[project]!),
    basic: formatFen(s[basic]!),
    project: formatFen(s[project]!),
  });
  const rows = rowsShowing(tree, (s) => s[basic] !== 0n || s[project] !== 0n).map((n) => ({
    code: n.code,
    name: functionName(ctx.catalog, n.code),
    level: n.level,
    ...cells(n.sums),
  }));
  return { total: cells(tree.total), rows, ...(rows.length === 0 ? { note: emptyNote } : {}) };
}
