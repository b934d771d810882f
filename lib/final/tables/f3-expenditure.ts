import type { FinalContext } from "./context";
import { splitTree } from "./split-tree";
import type { F3Expenditure } from "./types";

/** 财决公开03 支出决算表: all money by 功能 类/款/项, 基本支出 / 项目支出. */
export function buildF3(ctx: FinalContext): F3Expenditure {
  return splitTree(ctx, () => true);
}
