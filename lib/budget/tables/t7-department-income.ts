import Decimal from "decimal.js";
import { FUNDS, type Fund } from "@/lib/budget/model";
import { addToLeaf, functionTree, leavesOf } from "@/lib/budget/compute/subject-tree";
import type { TableContext } from "./context";
import { expenditureAtoms, fundColumns } from "./common";
import type { T7DepartmentIncome } from "./types";

/**
 * 表七 部门收入总表: the money of each function 项 by the source it comes from. Carried-over
 * money is shown under the fund it came from (a line's `fund`), as the published tables do.
 */
export function buildT7(ctx: TableContext): T7DepartmentIncome {
  const leaves = new Map<string, Partial<Record<Fund, Decimal>>>();
  for (const atom of expenditureAtoms(ctx.shown)) addToLeaf(leaves, atom.function, atom.fund, atom.amount);
  const tree = functionTree(leavesOf(leaves), FUNDS, ctx.catalog);
  return {
    total: fundColumns(tree.total),
    rows: tree.rows.map((r) => ({ code: r.code, name: r.name, level: r.level, ...fundColumns(r.values) })),
  };
}
