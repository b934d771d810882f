import type { Budget } from "@/lib/budget/model";
import { buildTables } from "@/lib/budget/tables";
import { tableContext, type BuildOptions } from "@/lib/budget/tables/context";
import type { DisclosureTables } from "@/lib/budget/tables/types";
import { economicName, functionName, type Catalog } from "@/lib/catalog/catalog";
import { buildAtoms, type Atoms } from "./atoms";
import { composeTrace, type Composer } from "./compose";
import { COLUMN_LABELS, FIXED_ROW_LABELS, TABLE_LABELS, TOTAL_ROW, printedCells } from "./cells";
import { narrativeKeys, narrativeLabel, resolveNarrative } from "./narrative";
import { resolveCell } from "./resolve";
import type { CellRef, Trace } from "./types";

export type { Trace, TraceLine, TraceAtom, TraceRowRef, CellRef, TraceSource } from "./types";
export { printedCells, printedCell, TABLE_LABELS, COLUMN_LABELS, TOTAL_ROW } from "./cells";
export { narrativeKeys, NARRATIVE_FIGURE_LABELS } from "./narrative";
export { traceCsv, SOURCE_LABELS } from "./csv";
export { composeTrace, type Composer } from "./compose";
export { plus, treeCell, type Composition, type RowRef } from "./resolve";
export type { Atom, AtomLine } from "./atoms";

/** Everything a trace is computed from: built once per budget, then asked for any figure. */
export interface TraceSourceData {
  atoms: Atoms;
  catalog: Catalog;
  tables: DisclosureTables;
  /** `table|row|column` of every printed cell. */
  cells: Set<string>;
}

/**
 * `options` must be those the tables were printed with (the published snapshot's prior year),
 * or a trace could disagree with the frozen figure.
 */
export function traceSource(budget: Budget, catalog: Catalog, options: BuildOptions = {}): TraceSourceData {
  const ctx = tableContext(budget, catalog, { ...options, fullSet: true });
  const tables = buildTables(budget, catalog, options);
  return { atoms: buildAtoms(ctx), catalog, tables, cells: new Set(printedCells(tables).map((c) => `${c.table}|${c.row}|${c.column}`)) };
}

function rowLabel(src: TraceSourceData, table: string, row: string): string {
  if (FIXED_ROW_LABELS[row] && !/^\d+$/.test(row)) return FIXED_ROW_LABELS[row]!;
  if (table === "T3") return `${row} ${economicName(src.catalog, row)}`.trim();
  if (table === "T11") {
    const p = src.atoms.projects.find((x) => x.lines[0]?.project === row);
    return p ? p.label.replace(/^项目 /, "") : row;
  }
  return `${row} ${functionName(src.catalog, row)}`.trim();
}

export function cellLabel(src: TraceSourceData, table: string, row: string, column: string): string {
  return `${TABLE_LABELS[table] ?? table} · ${rowLabel(src, table, row)} · ${COLUMN_LABELS[column] ?? column}`;
}

function composer(src: TraceSourceData): Composer {
  return {
    resolve: (table, row, column) => resolveCell(src.atoms, table, row, column),
    label: (table, row, column) => cellLabel(src, table, row, column),
    apportioned: "某资金的收入+上年结转=该资金印刷的支出数、本级安排+上级补助=项目金额、上年基本+项目=上年合计",
  };
}

/** Normalises the documented aliases of a row key (合计 → total). */
export function normaliseRow(row: string): string {
  return row === "合计" ? TOTAL_ROW : row;
}

/** The trace of one printed cell, or null when the tables print no such cell. */
export function traceCell(src: TraceSourceData, table: string, rowKey: string, column: string): Trace | null {
  const row = normaliseRow(rowKey);
  if (!src.cells.has(`${table}|${row}|${column}`)) return null;
  const c = resolveCell(src.atoms, table, row, column);
  if (!c) return null;
  return composeTrace(composer(src), c, { table, row, column, label: cellLabel(src, table, row, column) });
}

/** The trace of one figure of the narrative by its key (narrativeKeys), or null. */
export function traceNarrative(src: TraceSourceData, key: string): Trace | null {
  if (!narrativeKeys(src.atoms).includes(key)) return null;
  const c = resolveNarrative(src.atoms, key);
  if (!c) return null;
  return composeTrace(composer(src), c, { narrative: key, label: `情况说明 · ${narrativeLabel(key)}` });
}

/** Every cell's trace, in print order (the tests walk these). */
export function allCellTraces(src: TraceSourceData): { cell: CellRef; trace: Trace | null }[] {
  return printedCells(src.tables).map((cell) => ({ cell, trace: traceCell(src, cell.table, cell.row, cell.column) }));
}

export { figureChanges, lineChanges, type FigureChange, type LineChange } from "./changes";
