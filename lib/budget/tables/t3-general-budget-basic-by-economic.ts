import { formatFen, type Fen } from "@/lib/budget/compute/fen";
import { addToFenLeaf, economicAncestors, economicLevel, fenTree, rowsShowing } from "@/lib/budget/compute/fen-tree";
import { economicName, isPersonnelEconomic } from "@/lib/catalog/catalog";
import type { TableContext } from "./context";
import type { T3GeneralBudgetBasicByEconomic } from "./types";

const PERSONNEL = 0;
const PUBLIC = 1;

/**
 * 表三 一般公共预算财政拨款基本支出预算表: the economic marginal of the same general-budget
 * basic lines whose function marginal is T2's basic column, so both 合计 are one figure.
 */
export function buildT3(ctx: TableContext): T3GeneralBudgetBasicByEconomic {
  const leaves = new Map<string, Fen[]>();
  for (const line of ctx.shown.basic) {
    if (line.fund !== "generalBudget") continue;
    addToFenLeaf(leaves, line.economic, 2, isPersonnelEconomic(line.economic) ? PERSONNEL : PUBLIC, line.amount);
  }
  const tree = fenTree(leaves, 2, economicAncestors, economicLevel);
  const cells = (s: readonly Fen[]) => ({
    total: formatFen(s[PERSONNEL]! + s[PUBLIC]!),
    personnel: formatFen(s[PERSONNEL]!),
    public: formatFen(s[PUBLIC]!),
  });
  return {
    total: cells(tree.total),
    rows: rowsShowing(tree, (s) => s[PERSONNEL] !== 0n || s[PUBLIC] !== 0n).map((n) => ({
      code: n.code,
      name: economicName(ctx.catalog, n.code),
      level: n.level,
      ...cells(n.sums),
    })),
  };
}
