import type { GridCell } from "./types";

/** Small constructors that keep the table layouts readable. */
export const head = (text: string, colSpan = 1, rowSpan = 1): GridCell => ({ kind: "head", text, colSpan, rowSpan });
export const label = (text: string, colSpan = 1, rowSpan = 1): GridCell => ({ kind: "label", text, colSpan, rowSpan });
export const text = (t: string, colSpan = 1, indent = 0, rowSpan = 1): GridCell => ({ kind: "text", text: t, colSpan, rowSpan, indent });
export const code = (t: string): GridCell => ({ kind: "code", text: t });
export const amount = (a: string | undefined, colSpan = 1, rowSpan = 1): GridCell => ({ kind: "amount", amount: a ?? "0.00", colSpan, rowSpan });
/** An amount cell that knows its address, so a reader can open the lines behind it. */
export const traced = (a: string | undefined, table: string, row: string, column: string, colSpan = 1): GridCell => ({
  kind: "amount",
  amount: a ?? "0.00",
  colSpan,
  rowSpan: 1,
  ref: { table, row, column },
});
export const blank = (colSpan = 1): GridCell => ({ kind: "text", text: "", colSpan });

export const UNIT_LABEL = "单位：万元";
