import { SOURCE_LABELS, composeTrace, type CellRef, type Composer, type Trace } from "@/lib/budget/trace";
import { economicName, functionName, type Catalog } from "@/lib/catalog/catalog";
import type { FinalAccounts } from "@/lib/final/model";
import { finalContext } from "@/lib/final/tables/context";
import { tablesOf } from "@/lib/final/tables";
import type { FinalTables } from "@/lib/final/tables/types";
import { buildFinalAtoms, type FinalAtoms } from "./atoms";
import { FINAL_COLUMN_NAMES, FINAL_FIXED_ROWS, FINAL_TRACE_TABLE_LABELS, TOTAL_ROW, printedFinalCells } from "./cells";
import { finalNarrativeKeys as keysOf, finalNarrativeLabel, resolveFinalNarrative } from "./narrative";
import { resolveFinalCell } from "./resolve";

export { printedFinalCells, printedFinalCell, FINAL_TRACE_TABLE_LABELS, FINAL_COLUMN_NAMES } from "./cells";
export { FINAL_NARRATIVE_LABELS } from "./narrative";

/**
 * Traces of a 决算: the lines behind every printed figure of its tables and narrative, by the
 * budget's machinery (lib/budget/trace: the same Trace, atoms, composition and rounding
 * explanation) over the 决算's own atoms and cells. Keys: docs/spec/final-tables.md, "Traces".
 */
export interface FinalTraceSource {
  atoms: FinalAtoms;
  catalog: Catalog;
  tables: FinalTables;
  cells: Set<string>;
  /** The 功能 类 rows of F5 (the narrative's byClass figures). */
  classes: string[];
}

export function finalTraceSource(final: FinalAccounts, catalog: Catalog): FinalTraceSource {
  const ctx = finalContext(final, catalog);
  const tables = tablesOf(ctx);
  return {
    atoms: buildFinalAtoms(ctx),
    catalog,
    tables,
    cells: new Set(printedFinalCells(tables).map((c) => `${c.table}|${c.row}|${c.column}`)),
    classes: tables.F5.rows.filter((r) => r.level === 1).map((r) => r.code),
  };
}

function rowLabel(src: FinalTraceSource, table: string, row: string): string {
  if (table === "F10") {
    const se = src.atoms.selfEvaluations.find((s) => s.code === row);
    return se ? `${se.code} ${se.name}` : row;
  }
  if (!/^\d+$/.test(row)) return FINAL_FIXED_ROWS[row] ?? row;
  if (table === "F6") return `${row} ${economicName(src.catalog, row)}`.trim();
  return `${row} ${functionName(src.catalog, row)}`.trim();
}

export function finalCellLabel(src: FinalTraceSource, table: string, row: string, column: string): string {
  return `${FINAL_TRACE_TABLE_LABELS[table] ?? table} · ${rowLabel(src, table, row)} · ${FINAL_COLUMN_NAMES[column] ?? column}`;
}

function composer(src: FinalTraceSource): Composer {
  return {
    resolve: (table, row, column) => resolveFinalCell(src.atoms, table, row, column),
    label: (table, row, column) => finalCellLabel(src, table, row, column),
    apportioned: "某资金的收入+年初结转和结余=该资金印刷的支出数+年末结转和结余、自评表的上级资金+本级资金=项目金额",
  };
}

/** The trace of one printed 决算 cell (row 合计 = total), or null when the tables print no such cell. */
export function traceFinalCell(src: FinalTraceSource, table: string, rowKey: string, column: string): Trace | null {
  const row = rowKey === "合计" ? TOTAL_ROW : rowKey;
  if (!src.cells.has(`${table}|${row}|${column}`)) return null;
  const c = resolveFinalCell(src.atoms, table, row, column);
  return c ? composeTrace(composer(src), c, { table, row, column, label: finalCellLabel(src, table, row, column) }) : null;
}

/** Every amount figure key of the 决算 narrative. */
export function finalNarrativeKeys(src: FinalTraceSource): string[] {
  return keysOf(src.atoms, src.classes);
}

/** The trace of one figure of 部门决算情况说明 by its key, or null. */
export function traceFinalNarrative(src: FinalTraceSource, key: string): Trace | null {
  if (!finalNarrativeKeys(src).includes(key)) return null;
  const c = resolveFinalNarrative(src.atoms, key);
  return c ? composeTrace(composer(src), c, { narrative: key, label: `情况说明 · ${finalNarrativeLabel(key)}` }) : null;
}

/** Every cell's trace, in print order (the tests walk these). */
export function allFinalCellTraces(src: FinalTraceSource): { cell: CellRef; trace: Trace | null }[] {
  return printedFinalCells(src.tables).map((cell) => ({ cell, trace: traceFinalCell(src, cell.table, cell.row, cell.column) }));
}

/** Source names on a 决算's trace (CSV and page): last year's figures there are 上年决算数. */
export const FINAL_SOURCE_LABELS: Record<string, string> = { ...SOURCE_LABELS, prior: "上年决算数" };
