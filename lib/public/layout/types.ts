import type { TableId } from "@/lib/budget/tables/types";
import type { FinalTableId } from "@/lib/final/tables/types";

/**
 * A disclosure table as a grid of cells with merges: the one layout that the HTML component,
 * the print/PDF view and the Excel writer all render, so the three can never disagree.
 */
export type GridCell =
  /** A column heading (th); merged with colSpan/rowSpan like the samples' headers. */
  | { kind: "head"; text: string; colSpan?: number; rowSpan?: number }
  /** A field label in a form-like table (T10/T11): 项目名称, 当年绩效目标… */
  | { kind: "label"; text: string; colSpan?: number; rowSpan?: number }
  /** Free text from the budget (names, goals); rendered inert everywhere. */
  | { kind: "text"; text: string; colSpan?: number; rowSpan?: number; indent?: number }
  /** A subject code (kept as text so Excel keeps "2010301" and leading zeros). */
  | { kind: "code"; text: string; colSpan?: number; rowSpan?: number }
  /** An amount in 万元, machine form ("2514.61"); shown with separators, empty when zero. */
  | { kind: "amount"; amount: string; colSpan?: number; rowSpan?: number; ref?: CellAddress };

/** Where an amount cell sits in the machine-readable tables: the key of its trace (lib/budget/trace). */
export interface CellAddress {
  table: string;
  row: string;
  column: string;
}

export interface GridRow {
  cells: GridCell[];
  /** 合计 rows are emphasised. */
  total?: boolean;
}

export interface GridTable {
  /** Unique within a document: "T2", or "T11-1", "T11-2" for each 项目支出绩效目标表. */
  key: string;
  /** T1…T12 of a budget, F1…F10 of a 决算 (one F10 grid per 绩效自评表). */
  id: TableId | FinalTableId;
  /** Full title as printed, e.g. "重庆市北碚区人民政府办公室一般公共预算财政拨款支出预算表". */
  title: string;
  /** Short name for tabs and sheet names: "一般公共预算财政拨款支出预算表". */
  shortTitle: string;
  /** Lines printed between the title and the grid (编制单位：…). */
  preface: string[];
  /** "单位：万元" */
  unitLabel: string;
  columns: number;
  /** Relative column widths in characters (Excel column widths; CSS ignores them). */
  widths: number[];
  head: GridCell[][];
  body: GridRow[];
  /** 备注 line under the table, without the "备注：" prefix. */
  note?: string;
}

export function span(cell: GridCell): { colSpan: number; rowSpan: number } {
  return { colSpan: cell.colSpan ?? 1, rowSpan: cell.rowSpan ?? 1 };
}
