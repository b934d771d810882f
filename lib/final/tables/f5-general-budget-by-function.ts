import Decimal from "decimal.js";
import { addToLeaf, functionTree, leavesOf } from "@/lib/budget/compute/subject-tree";
import type { FinalContext } from "./context";
import { finalAtoms, fmt } from "./common";
import type { F5Columns, F5GeneralBudgetByFunction } from "./types";

type Column = "initial" | "basic" | "project";

/**
 * 财决公开05 一般公共预算财政拨款支出决算表: general-budget 决算数 by 功能 类/款/项, 基本/项目, with
 * the 年初预算数 beside it (the narrative compares each 类 with it; a subject budgeted but not
 * spent is listed with its 年初预算数 and zeros).
 */
export function buildF5(ctx: FinalContext): F5GeneralBudgetByFunction {
  const leaves = new Map<string, Partial<Record<Column, Decimal>>>();
  for (const a of finalAtoms(ctx.shown)) {
    if (a.fund !== "generalBudget") continue;
    addToLeaf(leaves, a.function, a.kind, a.actual);
    addToLeaf(leaves, a.function, "initial", a.initial);
  }
  const tree = functionTree(leavesOf(leaves), ["initial", "basic", "project"] as const, ctx.catalog);
  const cells = (v: Record<Column, Decimal>): F5Columns => ({
    initial: fmt(v.initial),
    total: fmt(v.basic.plus(v.project)),
    basic: fmt(v.basic),
    project: fmt(v.project),
  });
  return { total: cells(tree.total), rows: tree.rows.map((r) => ({ code: r.code, name: r.name, level: r.level, ...cells(r.values) })) };
}
