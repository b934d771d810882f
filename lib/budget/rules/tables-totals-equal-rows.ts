import Decimal from "decimal.js";
import { fenOfString, formatFen } from "@/lib/budget/compute/fen";
import { FUNDS } from "@/lib/budget/model";
import type { DisclosureTables } from "@/lib/budget/tables/types";
import { printed } from "./helpers";
import { defineRule } from "./types";

type Report = (path: string, message: string) => void;
type Row = { code: string; level: number };

/**
 * The arithmetic of the check: integer fen (bigint) for the tables the engine prints, whose every
 * cell has two decimals; decimal.js for anything else a frozen snapshot may hold. The check adds
 * every printed cell of five tables, so a Decimal per cell and per partial sum was most of its time.
 */
interface Arith<T> {
  zero: T;
  of(s: string): T;
  add(a: T, b: T): T;
  eq(a: T, b: T): boolean;
  str(a: T): string;
}

class NotFen extends Error {}

const FEN: Arith<bigint> = {
  zero: 0n,
  of(s) {
    const f = fenOfString(s);
    if (f === undefined) throw new NotFen();
    return f;
  },
  add: (a, b) => a + b,
  eq: (a, b) => a === b,
  str: formatFen,
};

const DECIMAL: Arith<Decimal> = {
  zero: new Decimal(0),
  of: printed,
  add: (a, b) => a.plus(b),
  eq: (a, b) => a.equals(b),
  str: (a) => a.toFixed(2),
};

function cellOf<T>(n: Arith<T>) {
  return (row: object, column: string): T => n.of(String((row as Record<string, unknown>)[column] ?? "0"));
}

/**
 * Each row's parent in a 类/款/项 table listed in tree order (a row follows its parent and the
 * parent's earlier descendants), found in one pass: the nearest open row whose code prefixes it at
 * a higher level. -1 for a top row. (Tables of a long budget have hundreds of rows; a pairwise
 * search per row and column was most of the live check's time.)
 */
function parentsOf(rows: readonly Row[]): number[] {
  const parents: number[] = [];
  const open: number[] = [];
  rows.forEach((r, i) => {
    while (open.length > 0) {
      const p = rows[open.at(-1)!]!;
      if (r.code.startsWith(p.code) && p.level < r.level) break;
      open.pop();
    }
    parents.push(open.at(-1) ?? -1);
    open.push(i);
  });
  return parents;
}

/** Down each column of a 类/款/项 table: 合计 = Σ top rows; each parent = Σ its children. */
function checkTree<T>(n: Arith<T>, id: string, rows: readonly Row[], total: object, columns: readonly string[], report: Report): void {
  const parents = parentsOf(rows);
  const cell = cellOf(n);
  for (const c of columns) {
    const values = rows.map((r) => cell(r, c));
    const sums: (T | undefined)[] = rows.map(() => undefined);
    let top = n.zero;
    parents.forEach((p, i) => {
      if (p < 0) top = n.add(top, values[i]!);
      else sums[p] = n.add(sums[p] ?? n.zero, values[i]!);
    });
    const t = cell(total, c);
    if (!n.eq(top, t)) report(`${id}.total.${c}`, `${id} 合计行 ${c} 列 ${n.str(t)} 不等于各行之和 ${n.str(top)}`);
    rows.forEach((r, i) => {
      const k = sums[i];
      if (k === undefined) return;
      if (!n.eq(k, values[i]!)) report(`${id}.rows[${i}].${c}`, `${id} ${r.code} 的 ${c} 列 ${n.str(values[i]!)} 不等于其下级之和 ${n.str(k)}`);
    });
  }
}

/** Across a row: its total = the sum of its parts. */
function checkAcross<T>(n: Arith<T>, path: string, row: object, total: string, parts: readonly string[], report: Report): void {
  const cell = cellOf(n);
  let s = n.zero;
  for (const p of parts) s = n.add(s, cell(row, p));
  const t = cell(row, total);
  if (!n.eq(s, t)) report(path, `${path} 的 ${total} ${n.str(t)} 不等于 ${parts.join("+")} 之和 ${n.str(s)}`);
}

function checkRowsAcross<T>(n: Arith<T>, id: string, total: object, rows: readonly object[], totalKey: string, parts: readonly string[], report: Report): void {
  checkAcross(n, `${id}.total`, total, totalKey, parts, report);
  rows.forEach((r, i) => checkAcross(n, `${id}.rows[${i}]`, r, totalKey, parts, report));
}

function checkAll<T>(n: Arith<T>, t: Required<DisclosureTables>, report: Report): void {
  const cell = cellOf(n);
  const sumOf = (rows: readonly object[], column: string) => rows.reduce((acc: T, r) => n.add(acc, cell(r, column)), n.zero);
  const split = ["total", "basic", "project"];
  const funds = ["total", ...FUNDS];
  checkTree(n, "T2", t.T2.rows, t.T2.total, t.T2.total.prior !== undefined ? ["prior", ...split] : split, report);
  checkTree(n, "T3", t.T3.rows, t.T3.total, ["total", "personnel", "public"], report);
  checkTree(n, "T5", t.T5.rows, t.T5.total, split, report);
  checkTree(n, "T7", t.T7.rows, t.T7.total, funds, report);
  checkTree(n, "T8", t.T8.rows, t.T8.total, split, report);
  checkRowsAcross(n, "T2", t.T2.total, t.T2.rows, "total", ["basic", "project"], report);
  checkRowsAcross(n, "T3", t.T3.total, t.T3.rows, "total", ["personnel", "public"], report);
  checkRowsAcross(n, "T5", t.T5.total, t.T5.rows, "total", ["basic", "project"], report);
  checkRowsAcross(n, "T7", t.T7.total, t.T7.rows, "total", FUNDS, report);
  checkRowsAcross(n, "T8", t.T8.total, t.T8.rows, "total", ["basic", "project"], report);
  checkRowsAcross(n, "T9", t.T9.total, t.T9.rows, "total", FUNDS, report);
  for (const c of funds) {
    const s = sumOf(t.T9.rows, c);
    if (!n.eq(s, cell(t.T9.total, c))) report(`T9.total.${c}`, `T9 合计行 ${c} 列不等于各行之和 ${n.str(s)}`);
  }
  for (const block of ["current", "prior"] as const) {
    const r = t.T4[block];
    if (!r) continue;
    checkAcross(n, `T4.${block}`, r, "vehicle", ["vehiclePurchase", "vehicleOperation"], report);
    checkAcross(n, `T4.${block}`, r, "total", ["abroad", "vehicle", "reception"], report);
  }
  const fiscal = ["generalBudget", "governmentFund", "stateCapital"];
  checkAcross(n, "T1.income.current", t.T1.income.current, "total", fiscal, report);
  checkAcross(n, "T1.income.carryover", t.T1.income.carryover, "total", fiscal, report);
  checkAcross(n, "T1.income", { total: t.T1.income.total, a: t.T1.income.current.total, b: t.T1.income.carryover.total }, "total", ["a", "b"], report);
  for (const c of ["total", ...fiscal]) {
    const s = sumOf(t.T1.expenditure.byClass, c);
    if (!n.eq(s, cell(t.T1.expenditure.current, c))) report(`T1.expenditure.current.${c}`, `表一本年支出 ${c} 列不等于各类之和 ${n.str(s)}`);
  }
  t.T1.expenditure.byClass.forEach((r, i) => checkAcross(n, `T1.expenditure.byClass[${i}]`, r, "total", fiscal, report));
  checkAcross(n, "T6.income", t.T6.income, "total", [...FUNDS, "carryover"], report);
  const s6 = sumOf(t.T6.expenditure.byClass, "total");
  if (!n.eq(s6, n.of(t.T6.expenditure.total))) report("T6.expenditure.total", `表六支出合计 ${t.T6.expenditure.total} 不等于各类之和 ${n.str(s6)}`);
}

/** Every printed total is the sum of the printed figures it totals, down and across. */
export const tablesTotalsEqualRows = defineRule({
  id: "tables.totals-equal-rows",
  severity: "error",
  title: "各表合计等于所列各行之和",
  check({ tables }, report) {
    // Findings are reported only once the fen pass has read every cell; a cell it cannot read
    // (not a plain two-decimal amount) sends the whole check to decimal.js.
    const found: [string, string][] = [];
    try {
      checkAll(FEN, tables, (path, message) => found.push([path, message]));
    } catch (error) {
      if (!(error instanceof NotFen)) throw error;
      found.length = 0;
      checkAll(DECIMAL, tables, (path, message) => found.push([path, message]));
    }
    for (const [path, message] of found) report(path, message);
  },
});
