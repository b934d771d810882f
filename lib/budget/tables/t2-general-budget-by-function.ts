import { formatFen, type Fen } from "@/lib/budget/compute/fen";
import { PRIOR_SLOT, basicSlot, projectSlot, rowsShowing } from "@/lib/budget/compute/fen-tree";
import { functionName } from "@/lib/catalog/catalog";
import type { TableContext } from "./context";
import type { T2GeneralBudgetByFunction, T2Row } from "./types";

const BASIC = basicSlot("generalBudget");
const PROJECT = projectSlot("generalBudget");

/**
 * 表二 一般公共预算财政拨款支出预算表: general-budget money by function, with last year's
 * figures; a code only last year used (a subject the catalogue moved) is listed with its prior
 * figure and zeros this year.
 */
export function buildT2(ctx: TableContext): T2GeneralBudgetByFunction {
  // The function tree holds last year's figures exactly when T2 shows them (context.ts).
  const prior = ctx.t2Prior;
  const tree = ctx.functions;
  const cells = (s: readonly Fen[]) => ({
    ...(prior ? { prior: formatFen(s[PRIOR_SLOT]!) } : {}),
    total: formatFen(s[BASIC]! + s[PROJECT]!),
    basic: formatFen(s[BASIC]!),
    project: formatFen(s[PROJECT]!),
  });
  const shows = (s: readonly Fen[]) => s[BASIC] !== 0n || s[PROJECT] !== 0n || (prior && s[PRIOR_SLOT] !== 0n);
  const rows: T2Row[] = rowsShowing(tree, shows).map((n) => ({ code: n.code, name: functionName(ctx.catalog, n.code), level: n.level, ...cells(n.sums) }));
  return { total: cells(tree.total), rows };
}
