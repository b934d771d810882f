import Decimal from "decimal.js";
import { addToLeaf, functionTree, leavesOf } from "@/lib/budget/compute/subject-tree";
import type { TableContext } from "./context";
import { expenditureAtoms, fmt } from "./common";
import type { T2GeneralBudgetByFunction, T2Row } from "./types";

type Column = "prior" | "basic" | "project";

/**
 * 表二 一般公共预算财政拨款支出预算表: general-budget money by function, with last year's
 * figures; a code only last year used (a subject the catalogue moved) is listed with its prior
 * figure and zeros this year.
 */
export function buildT2(ctx: TableContext): T2GeneralBudgetByFunction {
  const leaves = new Map<string, Partial<Record<Column, Decimal>>>();
  for (const atom of expenditureAtoms(ctx.shown)) {
    if (atom.fund === "generalBudget") addToLeaf(leaves, atom.function, atom.kind, atom.amount);
  }
  const prior = ctx.t2Prior ? ctx.shown.prior?.byFunction : undefined;
  for (const [code, amount] of prior ?? []) addToLeaf(leaves, code, "prior", amount);

  const columns: Column[] = prior ? ["prior", "basic", "project"] : ["basic", "project"];
  const tree = functionTree(leavesOf(leaves), columns, ctx.catalog);
  const cells = (v: Record<Column, Decimal>) => ({
    ...(prior ? { prior: fmt(v.prior) } : {}),
    total: fmt(v.basic.plus(v.project)),
    basic: fmt(v.basic),
    project: fmt(v.project),
  });
  const rows: T2Row[] = tree.rows.map((r) => ({ code: r.code, name: r.name, level: r.level, ...cells(r.values) }));
  return { total: cells(tree.total), rows };
}
