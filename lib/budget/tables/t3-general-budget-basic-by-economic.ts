import Decimal from "decimal.js";
import { isPersonnelEconomic } from "@/lib/catalog/catalog";
import { addToLeaf, economicTree, leavesOf } from "@/lib/budget/compute/subject-tree";
import type { TableContext } from "./context";
import { fmt } from "./common";
import type { T3GeneralBudgetBasicByEconomic } from "./types";

type Column = "personnel" | "public";

/**
 * 表三 一般公共预算财政拨款基本支出预算表: the economic marginal of the same general-budget
 * basic lines whose function marginal is T2's basic column, so both 合计 are one figure.
 */
export function buildT3(ctx: TableContext): T3GeneralBudgetBasicByEconomic {
  const leaves = new Map<string, Partial<Record<Column, Decimal>>>();
  for (const line of ctx.shown.basic) {
    if (line.fund !== "generalBudget") continue;
    addToLeaf(leaves, line.economic, isPersonnelEconomic(line.economic) ? "personnel" : "public", line.amount);
  }
  const tree = economicTree(leavesOf(leaves), ["personnel", "public"] as const, ctx.catalog);
  const cells = (v: Record<Column, Decimal>) => ({
    total: fmt(v.personnel.plus(v.public)),
    personnel: fmt(v.personnel),
    public: fmt(v.public),
  });
  return {
    total: cells(tree.total),
    rows: tree.rows.map((r) => ({ code: r.code, name: r.name, level: r.level, ...cells(r.values) })),
  };
}
