import { formatOperator } from "@/lib/format";
import type { DisclosureTables, IndicatorRow, T11ProjectPerformance } from "@/lib/budget/tables/types";
import { head, label, text, traced } from "./cells";
import type { TableBody } from "./function-tables";
import type { GridCell, GridRow } from "./types";

const WIDTHS = [10, 14, 14, 24, 12, 10, 10, 10, 12];

type IndicatorColumn = { heading: string; value: (i: IndicatorRow) => string };
const LEVEL1: IndicatorColumn = { heading: "一级指标", value: (i) => i.level1 };
const LEVEL2: IndicatorColumn = { heading: "二级指标", value: (i) => i.level2 };
const NAME: IndicatorColumn = { heading: "三级指标", value: (i) => i.name };
const UNIT: IndicatorColumn = { heading: "计量单位", value: (i) => i.unit };
const OPERATOR: IndicatorColumn = { heading: "指标性质", value: (i) => formatOperator(i.operator) };
const VALUE: IndicatorColumn = { heading: "指标值", value: (i) => i.value };
const weight = (heading: string): IndicatorColumn => ({ heading, value: (i) => i.weight });
const core = (heading: string): IndicatorColumn => ({ heading, value: (i) => (i.core ? "是" : "否") });

/** Whether a set of indicators is flat (no 一级/二级指标 anywhere): printed without those columns. */
export function isFlat(indicators: readonly IndicatorRow[]): boolean {
  return indicators.length > 0 && indicators.every((i) => i.level1 === "" && i.level2 === "");
}

/**
 * 绩效指标 block: a label cell spanning the heading row and one row per indicator. A flat set is
 * printed without the 一级/二级指标 columns, as published; its 三级指标 column takes their width.
 */
function indicatorRows(indicators: IndicatorRow[], columns: IndicatorColumn[]): GridRow[] {
  const flat = isFlat(indicators);
  const shown = flat ? columns.filter((c) => c !== LEVEL1 && c !== LEVEL2) : columns;
  const span = (c: IndicatorColumn) => (flat && c === NAME ? 3 : 1);
  const rows: GridRow[] = [
    { cells: [label("绩效指标", 1, indicators.length + 1), ...shown.map((c) => head(flat && c === NAME ? "指标名称" : c.heading, span(c)))] },
  ];
  for (const i of indicators) rows.push({ cells: shown.map((c) => text(c.value(i), span(c))) });
  return rows;
}

const wide = (name: string, value: string): GridRow => ({ cells: [label(name), text(value, 8)] });

/** 部门（单位）整体支出绩效目标表. */
export function t10Layout(tables: DisclosureTables): TableBody | undefined {
  const t = tables.T10;
  if (!t) return undefined;
  return {
    columns: 9,
    widths: WIDTHS,
    head: [],
    body: [
      {
        cells: [
          label("部门名称"),
          text(t.department, 2),
          label("部门支出预算总额（万元）"),
          traced(t.budgetTotal, "T10", "budget", "budgetTotal"),
          label("归口管理科室"),
          text(t.performanceOffice, 3),
        ],
      },
      wide("当年整体绩效目标", t.goal),
      ...indicatorRows(t.indicators, [LEVEL1, LEVEL2, NAME, UNIT, OPERATOR, VALUE, weight("权重"), core("是否是核心指标")]),
    ],
  };
}

/**
 * Whether a T11 entry is a 一级项目 table (部门留用/补助街镇 layout): marked by its tier, or (an
 * older snapshot, a package without tiers) told apart by its printed title.
 */
export function isFirstLevelProject(entry: T11ProjectPerformance): boolean {
  return entry.tier === "program" || entry.title.includes("一级项目");
}

/** 编制单位 line printed above a 项目支出绩效目标表. */
export function t11Preface(entry: T11ProjectPerformance): string {
  const s = entry.project.subUnit;
  return `编制单位：${s.code ? `${s.code}-` : ""}${s.name}`;
}

/** One 项目支出绩效目标表 (T11 entry). */
export function t11Layout(entry: T11ProjectPerformance): TableBody {
  const p = entry.project;
  // A 一级项目 table names the 一级项目 without its code, as published.
  const projectName = p.code && entry.tier !== "program" ? `${p.code}-${p.name}` : p.name;
  const top: GridRow[] = isFirstLevelProject(entry)
    ? [
        { cells: [label("一级项目名称"), text(projectName, 3), label("业务主管部门"), text(p.department, 4)] },
        { cells: [label("预算执行率权重"), text(p.executionRateWeight, 3), label("部门留用"), traced(p.ownArrangement, "T11", p.code, "ownArrangement", 4)] },
        {
          cells: [
            label("当年预算金额"),
            traced(p.amount, "T11", p.code, "amount", 3),
            label("补助街镇"),
            traced(p.superiorSubsidy, "T11", p.code, "superiorSubsidy", 4),
          ],
        },
      ]
    : [
        { cells: [label("项目名称"), text(projectName, 3), label("业务主管部门"), text(p.department, 4)] },
        { cells: [label("预算执行率权重"), text(p.executionRateWeight, 3), label("项目分类"), text(p.category, 4)] },
        {
          cells: [
            label("当年预算（万元）", 1, 2),
            { ...traced(p.amount, "T11", p.code, "amount", 3), rowSpan: 2 },
            label("本级安排（万元）"),
            traced(p.ownArrangement, "T11", p.code, "ownArrangement", 4),
          ],
        },
        { cells: [label("上级补助（万元）"), traced(p.superiorSubsidy, "T11", p.code, "superiorSubsidy", 4)] },
      ];
  const columns: IndicatorColumn[] = isFirstLevelProject(entry)
    ? [LEVEL1, LEVEL2, NAME, UNIT, OPERATOR, VALUE, weight("权重（%）"), core("是否核心指标")]
    : [LEVEL1, LEVEL2, NAME, weight("指标权重"), UNIT, OPERATOR, VALUE, core("是否核心指标")];
  return {
    columns: 9,
    widths: WIDTHS,
    head: [] as GridCell[][],
    body: [...top, wide("项目概述", p.summary), wide("立项依据", p.basis), wide("当年绩效目标", p.goal), ...indicatorRows(entry.indicators, columns)],
  };
}
