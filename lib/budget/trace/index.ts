import Decimal from "decimal.js";
import { formatWan, sum } from "@/lib/budget/money";
import type { Budget } from "@/lib/budget/model";
import { buildTables } from "@/lib/budget/tables";
import { tableContext, type BuildOptions } from "@/lib/budget/tables/context";
import type { DisclosureTables } from "@/lib/budget/tables/types";
import { economicName, functionName, type Catalog } from "@/lib/catalog/catalog";
import { atomRounding, atomSum, buildAtoms, toLine, type Atom, type Atoms } from "./atoms";
import { COLUMN_LABELS, FIXED_ROW_LABELS, TABLE_LABELS, TOTAL_ROW, printedCells } from "./cells";
import { narrativeKeys, narrativeLabel, resolveNarrative } from "./narrative";
import { resolveCell, type Composition, type RowRef } from "./resolve";
import type { CellRef, Trace, TraceAtom, TraceRowRef } from "./types";

export type { Trace, TraceLine, TraceAtom, TraceRowRef, CellRef, TraceSource } from "./types";
export { printedCells, printedCell, TABLE_LABELS, COLUMN_LABELS, TOTAL_ROW } from "./cells";
export { narrativeKeys, NARRATIVE_FIGURE_LABELS } from "./narrative";
export { traceCsv, SOURCE_LABELS } from "./csv";

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

const TEN_THOUSAND = new Decimal(10_000);

function signedValue(parts: Composition["parts"]): Decimal {
  return sum(parts.map(({ atom, sign }) => (sign < 0 ? atom.printed.negated() : atom.printed)));
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

function traceAtom(atom: Atom, sign: 1 | -1): TraceAtom {
  const s = atomSum(atom);
  return {
    key: atom.key,
    label: atom.label,
    value: formatWan(sign < 0 ? atom.printed.negated() : atom.printed),
    sum: (sign < 0 ? s.negated() : s).toFixed(2),
    rounding: atomRounding(atom),
    lines: atom.lines.map((l) => toLine(l, sign)),
  };
}

function explain(value: Decimal, yuan: Decimal, atoms: TraceAtom[], rows: TraceRowRef[] | undefined): Trace["rounding"] {
  const exact = yuan.dividedBy(TEN_THOUSAND);
  const diff = value.minus(exact);
  const nums = `元合计 ${yuan.toFixed(2)} 元 = ${exact.toFixed(6)} 万元，印刷 ${formatWan(value)} 万元，差 ${diff.toFixed(6)} 万元`;
  let explanation: string;
  if (atoms.length === 0) explanation = "没有任何明细行，印刷为 0.00。";
  else if (atoms.length === 1 && atoms[0]!.rounding === "round")
    explanation = `由明细行按元合计后四舍五入到 0.01 万元（只舍入一次）：${nums}。`;
  else if (atoms.length === 1)
    explanation = `该数是一个整体的组成部分（某资金的收入+上年结转=该资金印刷的支出数、本级安排+上级补助=项目金额、上年基本+项目=上年合计），从印刷的整体按最大余数法分配到分，使各部分之和等于印刷的整体，因此可能与自身四舍五入差几分：${nums}。`;
  else
    explanation =
      `由 ${atoms.length} 个最小项相加：每个最小项按元合计后各自四舍五入到 0.01 万元（只舍入一次），合计是这些印刷数之和，不再舍入${rows && rows.length > 0 ? `，也等于所列 ${rows.length} 个印刷行之和` : ""}：${nums}。`;
  return { exact: exact.toFixed(6), printed: formatWan(value), difference: diff.toFixed(6), explanation };
}

function build(src: TraceSourceData, c: Composition, head: Pick<Trace, "label"> & Partial<Trace>): Trace {
  const value = signedValue(c.parts);
  const atoms = c.parts.map(({ atom, sign }) => traceAtom(atom, sign));
  const lines = atoms.flatMap((a) => a.lines);
  const yuan = sum(lines.map((l) => new Decimal(l.amount)));
  const rows = c.rows?.map((r) => rowRef(src, r));
  return {
    ...head,
    value: formatWan(value),
    sum: yuan.toFixed(2),
    lines,
    atoms,
    ...(rows ? { rows } : {}),
    rounding: explain(value, yuan, atoms, rows),
  };
}

function rowRef(src: TraceSourceData, r: RowRef): TraceRowRef {
  const parts = r.parts ?? resolveCell(src.atoms, r.table, r.row, r.column)?.parts ?? [];
  return {
    row: r.row,
    column: r.column,
    ...(r.table !== "prior" ? { table: r.table } : {}),
    label: r.label ?? cellLabel(src, r.table, r.row, r.column),
    value: formatWan(signedValue(parts)),
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
  return build(src, c, { table, row, column, label: cellLabel(src, table, row, column) });
}

/** The trace of one figure of the narrative by its key (narrativeKeys), or null. */
export function traceNarrative(src: TraceSourceData, key: string): Trace | null {
  if (!narrativeKeys(src.atoms).includes(key)) return null;
  const c = resolveNarrative(src.atoms, key);
  if (!c) return null;
  return build(src, c, { narrative: key, label: `情况说明 · ${narrativeLabel(key)}` });
}

/** Every cell's trace, in print order (the tests walk these). */
export function allCellTraces(src: TraceSourceData): { cell: CellRef; trace: Trace | null }[] {
  return printedCells(src.tables).map((cell) => ({ cell, trace: traceCell(src, cell.table, cell.row, cell.column) }));
}

export { figureChanges, lineChanges, type FigureChange, type LineChange } from "./changes";
