/**
 * The trace of one printed figure: the entered lines (元) it is made of and how their 元 sum
 * became the printed 万元 figure. Shape and keys: docs/spec/disclosure-tables.md, "Traces".
 */
export type TraceSource =
  | "basic"
  | "project"
  | "income"
  | "carryover"
  | "prior"
  | "threePublic"
  | "procurement"
  /** 决算 only: 年末结转和结余, 会议费, 培训费, 绩效自评 (the self-evaluated funds entered as one figure). */
  | "closing"
  | "meetings"
  | "training"
  | "performance";

export interface TraceLine {
  source: TraceSource;
  function?: string;
  economic?: string;
  fund?: string;
  /** Project code (source "project"). */
  project?: string;
  /** 三公 item (abroad, vehiclePurchase, …), procurement category, or the part of a project / prior year. */
  item?: string;
  /** 决算 only: the column of the entered line (initial 年初预算数, adjusted 全年预算数, actual 决算数). */
  column?: "initial" | "adjusted" | "actual";
  /** 元, two decimals; negative for last year's lines inside a change (本年 − 上年). */
  amount: string;
  /** Chinese description of the line. */
  label: string;
}

/** One printed atom: a figure rounded once from its 元 lines (or apportioned, see shown-amounts.ts). */
export interface TraceAtom {
  key: string;
  label: string;
  /** Printed 万元. Negative inside a change for last year's atoms. */
  value: string;
  /** 元 sum of its lines. */
  sum: string;
  rounding: "round" | "apportioned";
  lines: TraceLine[];
}

/** A printed row or column the figure is the sum of. */
export interface TraceRowRef {
  /** Absent for last year's figure inside a change. */
  table?: string;
  row: string;
  column: string;
  label: string;
  value: string;
}

export interface Trace {
  table?: string;
  row?: string;
  column?: string;
  narrative?: string;
  /** Chinese name of the figure ("表二 一般公共服务支出 · 基本支出"). */
  label: string;
  /** Printed 万元 figure. */
  value: string;
  /** 元 sum of every line. */
  sum: string;
  lines: TraceLine[];
  /** The printed atoms the figure adds (each rounded once). */
  atoms: TraceAtom[];
  /** For a total: the printed rows (or columns) it adds. */
  rows?: TraceRowRef[];
  /** How the 元 sum became the printed figure. */
  rounding: { exact: string; printed: string; difference: string; explanation: string };
}

/** One amount cell of a table: its address and its printed value. */
export interface CellRef {
  table: string;
  row: string;
  column: string;
  value: string;
  label: string;
}
