import type { TableId } from "./types";

/**
 * Which tables a region publishes and what they are called: data, not code, because the set and
 * the titles differ between regions (ARCHITECTURE.md). Titles are prefixed with the department
 * name when rendered; `{year}` is replaced by the budget year.
 */
export interface DisclosureTemplate {
  id: string;
  tables: readonly { id: TableId; title: string }[];
  /** Title of one 项目支出绩效目标表 (T11 entry). */
  projectTableTitle: string;
  /**
   * Whether T2 and T4 carry the 上年预算数 columns. "auto": only when last year's figures by
   * function are known — a budget whose prior year is known only as aggregates (a first year in
   * the app, or a legacy import like the 2023 fixture) was published without those columns.
   * "always" shows T4's prior block whenever last year is known at all; T2's prior column always
   * needs the figures by function (its rows must add up).
   */
  priorColumns: "auto" | "always" | "never";
}

export const CHONGQING_TEMPLATE: DisclosureTemplate = {
  id: "chongqing",
  tables: [
    { id: "T1", title: "财政拨款收支总表" },
    { id: "T2", title: "一般公共预算财政拨款支出预算表" },
    { id: "T3", title: "一般公共预算财政拨款基本支出预算表" },
    { id: "T4", title: "一般公共预算“三公”经费支出表" },
    { id: "T5", title: "政府性基金预算支出表" },
    { id: "T6", title: "部门收支总表" },
    { id: "T7", title: "部门收入总表" },
    { id: "T8", title: "部门支出总表" },
    { id: "T9", title: "{year}年政府采购预算明细表" },
    { id: "T10", title: "{year}年部门（单位）整体支出绩效目标表" },
    { id: "T11", title: "{year}年项目支出绩效目标表" },
  ],
  projectTableTitle: "{year}年项目支出绩效目标表",
  priorColumns: "auto",
};

export function fillYear(title: string, year: number): string {
  return title.replace(/\{year\}/g, String(year));
}
