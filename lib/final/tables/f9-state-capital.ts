import type { FinalContext } from "./context";
import { splitTree } from "./split-tree";
import type { F9StateCapital } from "./types";

/** 财决公开09 国有资本经营预算财政拨款支出决算表. */
export function buildF9(ctx: FinalContext): F9StateCapital {
  const tree = splitTree(ctx, (f) => f === "stateCapital");
  return {
    ...tree,
    ...(tree.rows.length === 0 ? { note: `本部门${ctx.final.year}年度无国有资本经营预算财政拨款支出，故此表无数据。` } : {}),
  };
}
