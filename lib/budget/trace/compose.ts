import Decimal from "decimal.js";
import { formatWan, sum } from "@/lib/budget/money";
import { atomRounding, atomSum, toLine, type Atom } from "./atoms";
import type { Composition, RowRef } from "./resolve";
import type { Trace, TraceAtom, TraceRowRef } from "./types";

/**
 * What turns a composition into a trace for one kind of document (the budget, the 决算): how a
 * cell it prints is composed, and its Chinese name. The rest — signs, sums, the rounding
 * explanation, the printed rows a total adds — is the same for every document.
 */
export interface Composer {
  resolve(table: string, row: string, column: string): Composition | null;
  label(table: string, row: string, column: string): string;
  /** The sentence explaining an apportioned atom (which wholes the document splits). */
  apportioned: string;
}

const TEN_THOUSAND = new Decimal(10_000);

function signedValue(parts: Composition["parts"]): Decimal {
  return sum(parts.map(({ atom, sign }) => (sign < 0 ? atom.printed.negated() : atom.printed)));
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

function explain(doc: Composer, value: Decimal, yuan: Decimal, atoms: TraceAtom[], rows: TraceRowRef[] | undefined): Trace["rounding"] {
  const exact = yuan.dividedBy(TEN_THOUSAND);
  const diff = value.minus(exact);
  const nums = `元合计 ${yuan.toFixed(2)} 元 = ${exact.toFixed(6)} 万元，印刷 ${formatWan(value)} 万元，差 ${diff.toFixed(6)} 万元`;
  let explanation: string;
  if (atoms.length === 0) explanation = "没有任何明细行，印刷为 0.00。";
  else if (atoms.length === 1 && atoms[0]!.rounding === "round") explanation = `由明细行按元合计后四舍五入到 0.01 万元（只舍入一次）：${nums}。`;
  else if (atoms.length === 1)
    explanation = `该数是一个整体的组成部分（${doc.apportioned}），从印刷的整体按最大余数法分配到分，使各部分之和等于印刷的整体，因此可能与自身四舍五入差几分：${nums}。`;
  else
    explanation = `由 ${atoms.length} 个最小项相加：每个最小项按元合计后各自四舍五入到 0.01 万元（只舍入一次），合计是这些印刷数之和，不再舍入${rows && rows.length > 0 ? `，也等于所列 ${rows.length} 个印刷行之和` : ""}：${nums}。`;
  return { exact: exact.toFixed(6), printed: formatWan(value), difference: diff.toFixed(6), explanation };
}

function rowRef(doc: Composer, r: RowRef): TraceRowRef {
  const parts = r.parts ?? doc.resolve(r.table, r.row, r.column)?.parts ?? [];
  return {
    row: r.row,
    column: r.column,
    // A figure given by its parts (last year's, 年初预算数) is no table cell: it has no table to open.
    ...(r.parts ? {} : { table: r.table }),
    label: r.label ?? doc.label(r.table, r.row, r.column),
    value: formatWan(signedValue(parts)),
  };
}

/** The trace of a figure composed as `c`, named by `head`. */
export function composeTrace(doc: Composer, c: Composition, head: Pick<Trace, "label"> & Partial<Trace>): Trace {
  const value = signedValue(c.parts);
  const atoms = c.parts.map(({ atom, sign }) => traceAtom(atom, sign));
  const lines = atoms.flatMap((a) => a.lines);
  const yuan = sum(lines.map((l) => new Decimal(l.amount)));
  const rows = c.rows?.map((r) => rowRef(doc, r));
  return {
    ...head,
    value: formatWan(value),
    sum: yuan.toFixed(2),
    lines,
    atoms,
    ...(rows ? { rows } : {}),
    rounding: explain(doc, value, yuan, atoms, rows),
  };
}
