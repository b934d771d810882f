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
  /** Title of a 一级项目's 绩效目标表 (T11 entry of a project with tier "program"). */
  programTableTitle: string;
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
  programTableTitle: "{year}年区级重点专项绩效目标表（一级项目）",
  priorColumns: "auto",
};

/** Every table 明账 can build, with its default title; a department's own set picks from these. */
export const ALL_TABLES: readonly { id: TableId; title: string }[] = [
  ...CHONGQING_TEMPLATE.tables.slice(0, 5),
  { id: "T12", title: "国有资本经营预算支出表" },
  ...CHONGQING_TEMPLATE.tables.slice(5),
];

/**
 * The template a budget is published with: the region's, restricted to and ordered by the
 * department's own table set when it names one (a department that publishes no 部门收入总表,
 * or one that adds the empty 国有资本经营预算支出表).
 */
export function templateFor(base: DisclosureTemplate, ids: readonly TableId[] | undefined): DisclosureTemplate {
  if (!ids || ids.length === 0) return base;
  const titles = new Map([...ALL_TABLES, ...base.tables].map((t) => [t.id, t.title]));
  const wanted = new Set(ids);
  // Printed in the standard order whatever order the package lists them in.
  return { ...base, tables: ALL_TABLES.filter((t) => wanted.has(t.id)).map((t) => ({ id: t.id, title: titles.get(t.id) ?? t.title })) };
}

export function fillYear(title: string, year: number): string {
  return title.replace(/\{year\}/g, String(year));
}
