import type { Fen } from "@/lib/budget/compute/fen";
import { basicSlot, projectSlot, rowsShowing } from "@/lib/budget/compute/fen-tree";
import { FUNDS, type Fund } from "@/lib/budget/model";
import { functionName } from "@/lib/catalog/catalog";
import type { TableContext } from "./context";
import { fundColumns } from "./common";
import type { T7DepartmentIncome } from "./types";

const SLOTS = FUNDS.map((f) => [basicSlot(f), projectSlot(f)] as const);

/**
 * 表七 部门收入总表: the money of each function 项 by the source it comes from. Carried-over
 * money is shown under the fund it came from (a line's `fund`), as the published tables do.
 */
export function buildT7(ctx: TableContext): T7DepartmentIncome {
  const tree = ctx.functions;
  const columns = (s: readonly Fen[]) => fundColumns((f: Fund) => s[basicSlot(f)]! + s[projectSlot(f)]!);
  const shows = (s: readonly Fen[]) => SLOTS.some(([b, p]) => s[b]! + s[p]! !== 0n);
  return {
    total: columns(tree.total),
    rows: rowsShowing(tree, shows).map((n) => ({ code: n.code, name: functionName(ctx.catalog, n.code), level: n.level, ...columns(n.sums) })),
  };
}
