import { sum } from "@/lib/budget/money";
import type { FinalContext } from "./context";
import { fmt } from "./common";
import { splitTree } from "./split-tree";
import type { F8GovernmentFund } from "./types";

/** 财决公开08 政府性基金预算财政拨款收入支出决算表: the fund's carryovers and income, its spending by 功能. */
export function buildF8(ctx: FinalContext): F8GovernmentFund {
  const { shown } = ctx;
  const tree = splitTree(ctx, (f) => f === "governmentFund");
  const income = sum(shown.income.filter((l) => l.fund === "governmentFund").map((l) => l.amount));
  const empty = tree.rows.length === 0 && income.isZero() && shown.opening.governmentFund.isZero() && shown.closing.governmentFund.isZero();
  return {
    opening: fmt(shown.opening.governmentFund),
    income: fmt(income),
    closing: fmt(shown.closing.governmentFund),
    ...tree,
    ...(empty ? { note: `本部门${ctx.final.year}年度无政府性基金预算财政拨款收支，故此表无数据。` } : {}),
  };
}
