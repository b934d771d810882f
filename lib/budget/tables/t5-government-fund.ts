import Decimal from "decimal.js";
import type { Fund } from "@/lib/budget/model";
import { addToLeaf, functionTree, leavesOf } from "@/lib/budget/compute/subject-tree";
import type { TableContext } from "./context";
import { expenditureAtoms, fmt } from "./common";
import type { T5GovernmentFund } from "./types";

export const NO_GOVERNMENT_FUND_NOTE = "本部门无政府性基金收支，故此表无数据。";

/** 表五 政府性基金预算支出表. */
export function buildT5(ctx: TableContext): T5GovernmentFund {
  return fundByFunction(ctx, "governmentFund", NO_GOVERNMENT_FUND_NOTE);
}

/** One fund's expenditure by function subject, split basic/project; `note` when there is none. */
export function fundByFunction(ctx: TableContext, fund: Fund, emptyNote: string): T5GovernmentFund {
  const leaves = new Map<string, Partial<Record<"basic" | "project", Decimal>>>();
  for (const atom of expenditureAtoms(ctx.shown)) {
    if (atom.fund === fund) addToLeaf(leaves, atom.function, atom.kind, atom.amount);
  }
  const tree = functionTree(leavesOf(leaves), ["basic", "project"] as const, ctx.catalog);
  const cells = (v: Record<"basic" | "project", Decimal>) => ({
    total: fmt(v.basic.plus(v.project)),
    basic: fmt(v.basic),
    project: fmt(v.project),
  });
  const rows = tree.rows.map((r) => ({ code: r.code, name: r.name, level: r.level, ...cells(r.values) }));
  return { total: cells(tree.total), rows, ...(rows.length === 0 ? { note: emptyNote } : {}) };
}
