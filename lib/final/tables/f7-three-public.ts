import { threePublicColumns } from "@/lib/budget/tables/t4-three-public";
import { THREE_PUBLIC_KEYS } from "@/lib/final/model";
import type { ThreePublic } from "@/lib/budget/model";
import type { FinalContext } from "./context";
import type { F7ThreePublic } from "./types";

/** 财决公开07 一般公共预算财政拨款“三公”经费支出决算表: 预算数 (全年) beside 决算数, 小计/合计 summed from printed items. */
export function buildF7(ctx: FinalContext): F7ThreePublic {
  const column = (c: "adjusted" | "actual") => Object.fromEntries(THREE_PUBLIC_KEYS.map((k) => [k, ctx.shown.threePublic[k][c]])) as unknown as ThreePublic;
  return { budget: threePublicColumns(column("adjusted")), actual: threePublicColumns(column("actual")) };
}
