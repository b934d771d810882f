import Decimal from "decimal.js";
import { addToLeaf, functionTree, leavesOf } from "@/lib/budget/compute/subject-tree";
import type { TableContext } from "./context";
import { expenditureAtoms, fmt } from "./common";
import type { T8DepartmentExpenditure } from "./types";

/** 表八 部门支出总表: all money by function, basic and project. */
export function buildT8(ctx: TableContext): T8DepartmentExpenditure {
  const leaves = new Map<string, Partial<Record<"basic" | "project", Decimal>>>();
  for (const atom of expenditureAtoms(ctx.shown)) addToLeaf(leaves, atom.function, atom.kind, atom.amount);
  const tree = functionTree(leavesOf(leaves), ["basic", "project"] as const, ctx.catalog);
  const cells = (v: Record<"basic" | "project", Decimal>) => ({
    total: fmt(v.basic.plus(v.project)),
    basic: fmt(v.basic),
    project: fmt(v.project),
  });
  return {
    total: cells(tree.total),
    rows: tree.rows.map((r) => ({ code: r.code, name: r.name, level: r.level, ...cells(r.values) })),
  };
}
