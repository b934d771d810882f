import Decimal from "decimal.js";
import { isPersonnelEconomic } from "@/lib/catalog/catalog";
import { addToLeaf, economicTree, leavesOf } from "@/lib/budget/compute/subject-tree";
import type { FinalContext } from "./context";
import { fmt } from "./common";
import type { F6GeneralBudgetBasicByEconomic } from "./types";

type Column = "personnel" | "public";

/**
 * 财决公开06 一般公共预算财政拨款基本支出决算表: the economic marginal of the general-budget basic
 * lines whose function marginal is F5's basic column; 人员经费 = 301xx + 303xx, 公用经费 = the rest.
 */
export function buildF6(ctx: FinalContext): F6GeneralBudgetBasicByEconomic {
  const leaves = new Map<string, Partial<Record<Column, Decimal>>>();
  for (const l of ctx.shown.basic) {
    if (l.fund === "generalBudget") addToLeaf(leaves, l.economic, isPersonnelEconomic(l.economic) ? "personnel" : "public", l.actual);
  }
  const tree = economicTree(leavesOf(leaves), ["personnel", "public"] as const, ctx.catalog);
  const cells = (v: Record<Column, Decimal>) => ({ total: fmt(v.personnel.plus(v.public)), personnel: fmt(v.personnel), public: fmt(v.public) });
  return { total: cells(tree.total), rows: tree.rows.map((r) => ({ code: r.code, name: r.name, level: r.level, ...cells(r.values) })) };
}
