import Decimal from "decimal.js";
import { ZERO } from "@/lib/budget/money";
import { FUNDS } from "@/lib/budget/model";
import { printed } from "./helpers";
import { defineRule } from "./types";

type Report = (path: string, message: string) => void;
type Row = { code: string; level: number };

function cell(row: object, column: string): Decimal {
  return printed(String((row as Record<string, unknown>)[column] ?? "0"));
}

function sumOf(rows: readonly object[], column: string): Decimal {
  return rows.reduce((acc: Decimal, r) => acc.plus(cell(r, column)), ZERO);
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
function checkTree(id: string, rows: readonly Row[], total: object, columns: readonly string[], report: Report): void {
  const parents = parentsOf(rows);
  for (const c of columns) {
    const values = rows.map((r) => cell(r, c));
    const sums: (Decimal | undefined)[] = rows.map(() => undefined);
    let top = ZERO;
    parents.forEach((p, i) => {
      if (p < 0) top = top.plus(values[i]!);
      else sums[p] = (sums[p] ?? ZERO).plus(values[i]!);
    });
    if (!top.equals(cell(total, c))) report(`${id}.total.${c}`, `${id} 合计行 ${c} 列 ${cell(total, c).toFixed(2)} 不等于各行之和 ${top.toFixed(2)}`);
    rows.forEach((r, i) => {
      const k = sums[i];
      if (k === undefined) return;
      if (!k.equals(values[i]!)) report(`${id}.rows[${i}].${c}`, `${id} ${r.code} 的 ${c} 列 ${values[i]!.toFixed(2)} 不等于其下级之和 ${k.toFixed(2)}`);
    });
  }
}

/** Across a row: its total = the sum of its parts. */
function checkAcross(path: string, row: object, total: string, parts: readonly string[], report: Report): void {
  const s = sumOf(
    parts.map((p) => ({ v: (row as Record<string, unknown>)[p] })),
    "v",
  );
  if (!s.equals(cell(row, total))) report(path, `${path} 的 ${total} ${cell(row, total).toFixed(2)} 不等于 ${parts.join("+")} 之和 ${s.toFixed(2)}`);
}

function checkRowsAcross(id: string, total: object, rows: readonly object[], totalKey: string, parts: readonly string[], report: Report): void {
  checkAcross(`${id}.total`, total, totalKey, parts, report);
  rows.forEach((r, i) => checkAcross(`${id}.rows[${i}]`, r, totalKey, parts, report));
}

/** Every printed total is the sum of the printed figures it totals, down and across. */
export const tablesTotalsEqualRows = defineRule({
  id: "tables.totals-equal-rows",
  severity: "error",
  title: "各表合计等于所列各行之和",
  check({ tables: t }, report) {
    const split = ["total", "basic", "project"];
    const funds = ["total", ...FUNDS];
    checkTree("T2", t.T2.rows, t.T2.total, t.T2.total.prior !== undefined ? ["prior", ...split] : split, report);
    checkTree("T3", t.T3.rows, t.T3.total, ["total", "personnel", "public"], report);
    checkTree("T5", t.T5.rows, t.T5.total, split, report);
    checkTree("T7", t.T7.rows, t.T7.total, funds, report);
    checkTree("T8", t.T8.rows, t.T8.total, split, report);
    checkRowsAcross("T2", t.T2.total, t.T2.rows, "total", ["basic", "project"], report);
    checkRowsAcross("T3", t.T3.total, t.T3.rows, "total", ["personnel", "public"], report);
    checkRowsAcross("T5", t.T5.total, t.T5.rows, "total", ["basic", "project"], report);
    checkRowsAcross("T7", t.T7.total, t.T7.rows, "total", FUNDS, report);
    checkRowsAcross("T8", t.T8.total, t.T8.rows, "total", ["basic", "project"], report);
    checkRowsAcross("T9", t.T9.total, t.T9.rows, "total", FUNDS, report);
    for (const c of funds) {
      const s = sumOf(t.T9.rows, c);
      if (!s.equals(cell(t.T9.total, c))) report(`T9.total.${c}`, `T9 合计行 ${c} 列不等于各行之和 ${s.toFixed(2)}`);
    }
    for (const block of ["current", "prior"] as const) {
      const r = t.T4[block];
      if (!r) continue;
      checkAcross(`T4.${block}`, r, "vehicle", ["vehiclePurchase", "vehicleOperation"], report);
      checkAcross(`T4.${block}`, r, "total", ["abroad", "vehicle", "reception"], report);
    }
    const fiscal = ["generalBudget", "governmentFund", "stateCapital"];
    checkAcross("T1.income.current", t.T1.income.current, "total", fiscal, report);
    checkAcross("T1.income.carryover", t.T1.income.carryover, "total", fiscal, report);
    checkAcross("T1.income", { total: t.T1.income.total, a: t.T1.income.current.total, b: t.T1.income.carryover.total }, "total", ["a", "b"], report);
    for (const c of ["total", ...fiscal]) {
      const s = sumOf(t.T1.expenditure.byClass, c);
      if (!s.equals(cell(t.T1.expenditure.current, c))) report(`T1.expenditure.current.${c}`, `表一本年支出 ${c} 列不等于各类之和 ${s.toFixed(2)}`);
    }
    t.T1.expenditure.byClass.forEach((r, i) => checkAcross(`T1.expenditure.byClass[${i}]`, r, "total", fiscal, report));
    checkAcross("T6.income", t.T6.income, "total", [...FUNDS, "carryover"], report);
    const s6 = sumOf(t.T6.expenditure.byClass, "total");
    if (!s6.equals(printed(t.T6.expenditure.total))) report("T6.expenditure.total", `表六支出合计 ${t.T6.expenditure.total} 不等于各类之和 ${s6.toFixed(2)}`);
  },
});
