import Decimal from "decimal.js";

/**
 * Checks of the 基本支出 grid that speak of rows the way the accountant sees them (第 N 行,
 * counted from 1), and the merge it offers for duplicated lines.
 */

export interface BasicLine {
  function?: string;
  economic?: string;
  fund?: string;
  amount?: string;
}

export interface DuplicateGroup {
  /** Rows (from 0) sharing one 项 × 款 × 资金来源, in grid order. */
  rows: number[];
  function: string;
  economic: string;
  fund: string;
}

const keyOf = (l: BasicLine) => `${(l.function ?? "").trim()}|${(l.economic ?? "").trim()}|${l.fund ?? ""}`;

/** Groups of two or more rows with the same 功能分类, 经济分类 and 资金来源 (rows without both codes are not compared). */
export function duplicateGroups(lines: readonly BasicLine[]): DuplicateGroup[] {
  const groups = new Map<string, number[]>();
  lines.forEach((l, i) => {
    if (!l.function?.trim() || !l.economic?.trim()) return;
    const key = keyOf(l);
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  return [...groups.values()]
    .filter((rows) => rows.length > 1)
    .map((rows) => {
      const l = lines[rows[0]!]!;
      return { rows, function: l.function!.trim(), economic: l.economic!.trim(), fund: l.fund ?? "" };
    });
}

const AMOUNT = /^\d+(\.\d{1,2})?$/;

/**
 * Merges a duplicate group into its first row (amounts added up) and drops the others. Refused
 * (undefined) while an amount of the group is not a valid amount, so a sum never hides a typo.
 */
export function mergeGroup<L extends BasicLine>(lines: readonly L[], rows: readonly number[]): L[] | undefined {
  const amounts = rows.map((r) => (lines[r]?.amount ?? "").trim());
  if (amounts.some((a) => a !== "" && !AMOUNT.test(a))) return undefined;
  const total = amounts.reduce((sum, a) => (a === "" ? sum : sum.plus(a)), new Decimal(0));
  const [keep, ...drop] = rows;
  const dropped = new Set(drop);
  return lines.flatMap((l, i) => (i === keep ? [{ ...l, amount: total.toFixed(2) }] : dropped.has(i) ? [] : [l]));
}

export interface RowError {
  row: number;
  field: "amount";
  message: string;
}

/** An empty amount is an omission, not 0.00: each is named (第 N 行 金额). */
export function emptyAmounts(lines: readonly BasicLine[]): RowError[] {
  const out: RowError[] = [];
  lines.forEach((l, i) => {
    if ((l.amount ?? "").trim() === "")
      out.push({ row: i, field: "amount", message: `基本支出 第 ${i + 1} 行 金额：请填写金额（不填不会按 0 保存；不需要这一行请删除）` });
  });
  return out;
}
