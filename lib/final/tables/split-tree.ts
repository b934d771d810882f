import Decimal from "decimal.js";
import { addToLeaf, functionTree, leavesOf } from "@/lib/budget/compute/subject-tree";
import type { Fund } from "@/lib/budget/model";
import type { FinalContext } from "./context";
import { finalAtoms, fmt } from "./common";
import type { SplitColumns } from "./types";

type Column = "basic" | "project";

/** 决算数 by 功能 类/款/项 split into 基本/项目, of the atoms whose fund passes `keep`. */
export function splitTree(ctx: FinalContext, keep: (fund: Fund) => boolean) {
  const leaves = new Map<string, Partial<Record<Column, Decimal>>>();
  for (const a of finalAtoms(ctx.shown)) if (keep(a.fund)) addToLeaf(leaves, a.function, a.kind, a.actual);
  const tree = functionTree(leavesOf(leaves), ["basic", "project"] as const, ctx.catalog);
  const cells = (v: Record<Column, Decimal>): SplitColumns => ({ total: fmt(v.basic.plus(v.project)), basic: fmt(v.basic), project: fmt(v.project) });
  return { total: cells(tree.total), rows: tree.rows.map((r) => ({ code: r.code, name: r.name, level: r.level, ...cells(r.values) })) };
}
