import Decimal from "decimal.js";
import { printedCells } from "./cells";
import type { Trace, TraceLine } from "./types";
import type { TraceSourceData } from "./index";

/** One printed figure whose value differs between two versions of a budget (万元). */
export interface FigureChange {
  table: string;
  row: string;
  column: string;
  label: string;
  before: string;
  after: string;
  change: string;
}

const cellKey = (c: { table: string; row: string; column: string }) => `${c.table}|${c.row}|${c.column}`;

/**
 * Every table cell whose printed figure changed between `before` and `after` (a cell printed in
 * only one of them counts from 0.00), in `after`'s print order then `before`'s leftovers.
 */
export function figureChanges(before: TraceSourceData, after: TraceSourceData): FigureChange[] {
  const was = new Map(printedCells(before.tables).map((c) => [cellKey(c), c]));
  const now = printedCells(after.tables);
  const out: FigureChange[] = [];
  const push = (c: { table: string; row: string; column: string; label: string }, b: string, a: string) => {
    if (new Decimal(b).equals(new Decimal(a))) return;
    out.push({ table: c.table, row: c.row, column: c.column, label: c.label, before: b, after: a, change: new Decimal(a).minus(b).toFixed(2) });
  };
  for (const c of now) push(c, was.get(cellKey(c))?.value ?? "0.00", c.value);
  const seen = new Set(now.map(cellKey));
  for (const c of was.values()) if (!seen.has(cellKey(c))) push(c, c.value, "0.00");
  return out;
}

/** A line of a figure that differs between two versions (元). */
export interface LineChange {
  key: string;
  label: string;
  before: string;
  after: string;
}

const lineKey = (l: TraceLine) => [l.source, l.function, l.economic, l.fund, l.project, l.item].map((x) => x ?? "").join("|");

/** The lines of one figure that were added, removed or changed between two traces of it. */
export function lineChanges(before: Trace | null, after: Trace | null): LineChange[] {
  const sumBy = (t: Trace | null) => {
    const m = new Map<string, { label: string; amount: Decimal }>();
    for (const l of t?.lines ?? []) {
      const k = lineKey(l);
      const prev = m.get(k);
      m.set(k, { label: l.label, amount: (prev?.amount ?? new Decimal(0)).plus(l.amount) });
    }
    return m;
  };
  const b = sumBy(before);
  const a = sumBy(after);
  const out: LineChange[] = [];
  for (const k of new Set([...a.keys(), ...b.keys()])) {
    const x = b.get(k)?.amount ?? new Decimal(0);
    const y = a.get(k)?.amount ?? new Decimal(0);
    if (!x.equals(y)) out.push({ key: k, label: (a.get(k) ?? b.get(k))!.label, before: x.toFixed(2), after: y.toFixed(2) });
  }
  return out;
}
