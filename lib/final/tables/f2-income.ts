import Decimal from "decimal.js";
import { addToLeaf, functionTree, leavesOf } from "@/lib/budget/compute/subject-tree";
import type { FinalContext } from "./context";
import { fmt } from "./common";
import { incomeSourceOf } from "./f1-summary";
import type { F2Income, F2IncomeColumns } from "./types";

const FISCAL = new Set(["generalBudget", "governmentFund", "stateCapital"]);
type Column = Exclude<keyof F2IncomeColumns, "total">;
const COLUMNS: readonly Column[] = ["fiscal", "superiorSubsidy", "operations", "business", "subordinateRemit", "other"];

/** 财决公开02 收入决算表: this year's income by 功能 类/款/项, 财政拨款 and the other sources. */
export function buildF2(ctx: FinalContext): F2Income {
  const leaves = new Map<string, Partial<Record<Column, Decimal>>>();
  for (const l of ctx.shown.income) {
    addToLeaf(leaves, l.function, FISCAL.has(l.fund) ? "fiscal" : (incomeSourceOf(l.fund) as Column), l.amount);
  }
  const tree = functionTree(leavesOf(leaves), COLUMNS, ctx.catalog);
  const cells = (v: Record<Column, Decimal>): F2IncomeColumns => ({
    total: fmt(COLUMNS.reduce((acc, c) => acc.plus(v[c]), new Decimal(0))),
    ...(Object.fromEntries(COLUMNS.map((c) => [c, fmt(v[c])])) as Record<Column, string>),
  });
  return { total: cells(tree.total), rows: tree.rows.map((r) => ({ code: r.code, name: r.name, level: r.level, ...cells(r.values) })) };
}
