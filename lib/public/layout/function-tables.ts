import type { DisclosureTables, FunctionRowBase } from "@/lib/budget/tables/types";
import { FUND_LABELS } from "@/lib/budget/package/labels";
import { FUNDS } from "@/lib/budget/model";
import { code, head, text, traced } from "./cells";
import type { GridCell, GridRow } from "./types";

/** Table parts without title/preface; index.ts adds those. */
export interface TableBody {
  columns: number;
  widths: number[];
  head: GridCell[][];
  body: GridRow[];
  note?: string;
}

/** Rows of a subject table (类/款/项 or 类/款), 合计 first over the code and name columns. */
export function subjectRows<R extends FunctionRowBase>(table: string, total: Omit<R, keyof FunctionRowBase>, rows: R[], keys: (keyof R & string)[]): GridRow[] {
  const totalRow: GridRow = {
    total: true,
    cells: [text("合计", 2), ...keys.map((k) => traced((total as Record<string, string | undefined>)[k], table, "total", k))],
  };
  return [
    totalRow,
    ...rows.map((r) => ({
      total: r.level === 1,
      cells: [code(r.code), text(r.name, 1, r.level - 1), ...keys.map((k) => traced(r[k] as string | undefined, table, r.code, k))],
    })),
  ];
}

export const SUBJECT_WIDTHS = [12, 36];

export function t2Layout(tables: DisclosureTables): TableBody | undefined {
  const t = tables.T2;
  if (!t) return undefined;
  const year = tables.year;
  const withPrior = t.total.prior !== undefined;
  const keys = (withPrior ? ["prior", "total", "basic", "project"] : ["total", "basic", "project"]) as ("prior" | "total" | "basic" | "project")[];
  return {
    columns: 2 + keys.length,
    widths: [...SUBJECT_WIDTHS, ...keys.map(() => 14)],
    head: [
      [head("功能分类科目", 2), ...(withPrior ? [head(`${year - 1}年预算数`, 1, 2)] : []), head(`${year}年预算数`, 3)],
      [head("科目编码"), head("科目名称"), head("总计"), head("基本支出"), head("项目支出")],
    ],
    body: subjectRows("T2", t.total, t.rows, keys),
    note: `本表反映${year}年当年一般公共预算财政拨款支出情况。`,
  };
}

export function t3Layout(tables: DisclosureTables): TableBody | undefined {
  const t = tables.T3;
  if (!t) return undefined;
  return {
    columns: 5,
    widths: [...SUBJECT_WIDTHS, 14, 14, 14],
    head: [
      [head("经济分类科目", 2), head(`${tables.year}年基本支出`, 3)],
      [head("科目编码"), head("科目名称"), head("总计"), head("人员经费"), head("公用经费")],
    ],
    body: subjectRows("T3", t.total, t.rows, ["total", "personnel", "public"]),
  };
}

export function t5Layout(tables: DisclosureTables): TableBody | undefined {
  return fundTableLayout(tables, tables.T5, "T5");
}

/** 国有资本经营预算支出表: laid out as 表五. */
export function t12Layout(tables: DisclosureTables): TableBody | undefined {
  return fundTableLayout(tables, tables.T12, "T12");
}

function fundTableLayout(tables: DisclosureTables, t: DisclosureTables["T5"], id: string): TableBody | undefined {
  if (!t) return undefined;
  return {
    columns: 5,
    widths: [...SUBJECT_WIDTHS, 14, 14, 14],
    head: [
      [head("科目编码", 1, 2), head("科目名称", 1, 2), head(`${tables.year}年预算数`, 3)],
      [head("总计"), head("基本支出"), head("项目支出")],
    ],
    body: subjectRows(id, t.total, t.rows, ["total", "basic", "project"]),
    ...(t.note ? { note: t.note } : {}),
  };
}

export function t7Layout(tables: DisclosureTables): TableBody | undefined {
  const t = tables.T7;
  if (!t) return undefined;
  const keys = ["total", ...FUNDS] as const;
  return {
    columns: 2 + keys.length,
    widths: [...SUBJECT_WIDTHS, ...keys.map(() => 13)],
    head: [[head("科目编码"), head("科目名称"), head("总计"), ...FUNDS.map((f) => head(FUND_LABELS[f]))]],
    body: subjectRows("T7", t.total, t.rows, [...keys]),
  };
}

export function t8Layout(tables: DisclosureTables): TableBody | undefined {
  const t = tables.T8;
  if (!t) return undefined;
  return {
    columns: 5,
    widths: [...SUBJECT_WIDTHS, 14, 14, 14],
    head: [[head("科目编码"), head("科目名称"), head("总计"), head("基本支出"), head("项目支出")]],
    body: subjectRows("T8", t.total, t.rows, ["total", "basic", "project"]),
  };
}
