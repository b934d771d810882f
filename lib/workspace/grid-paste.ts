import Decimal from "decimal.js";
import type { Catalog } from "@/lib/catalog/catalog";
import { FUNDS } from "@/lib/budget/model";
import { FUND_LABELS } from "@/lib/budget/package/labels";

/**
 * Pasting a block copied from Excel or WPS into the 基本支出 grid: the clipboard holds rows
 * separated by newlines and cells by tabs. Each cell is read into what the grid stores (a code,
 * a fund key, an amount in 元); a cell that cannot be read is kept as typed and named, so a
 * paste never loses anything.
 */

export type GridColumn = "function" | "economic" | "fund" | "amount";
export const GRID_COLUMNS: readonly GridColumn[] = ["function", "economic", "fund", "amount"];

export interface GridLine {
  function: string;
  economic: string;
  fund: string;
  amount: string;
}

export interface CellProblem {
  /** Row index in the grid (from 0). */
  row: number;
  column: GridColumn;
  message: string;
}

export type AmountUnit = "元" | "万元";

/** Splits clipboard text into rows of cells; a trailing newline (Excel always adds one) is not a row. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const normalized = text.replace(/\r\n?/g, "\n");
  for (let i = 0; i < normalized.length; i++) {
    const c = normalized[i]!;
    if (quoted) {
      // Excel quotes a cell holding a tab, newline or quote, doubling quotes inside it.
      if (c === '"' && normalized[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === "") quoted = true;
    else if (c === "\t") {
      row.push(cell);
      cell = "";
    } else if (c === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Full-width digits and punctuation folded to ASCII, spaces (including U+3000) dropped. */
export function foldWidth(s: string): string {
  return s
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, ".")
    .replace(/[，,]/g, ",")
    .replace(/[\s\u3000]/g, "");
}

export type AmountRead = { ok: true; yuan: string } | { ok: false; message: string };

/**
 * An amount as accountants write it: `1,234.56`, `１２３４．５６`, `1 234.56`, `¥1,234.56`, in
 * 元 or (with the 万元 switch) in 万元. Returns 元 with at most two decimals, or why not.
 */
export function readAmount(raw: string, unit: AmountUnit = "元"): AmountRead {
  const s = foldWidth(raw)
    .replace(/^[¥￥]/, "")
    .replace(/元$/, "");
  if (s === "") return { ok: false, message: "金额为空" };
  if (!/^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$/.test(s)) return { ok: false, message: `“${raw.trim()}”不是金额` };
  const value = new Decimal(s.replace(/,/g, ""));
  const yuan = unit === "万元" ? value.times(10_000) : value;
  if (yuan.decimalPlaces() > 2) {
    return { ok: false, message: unit === "万元" ? `“${raw.trim()}”万元超过了分位（最多六位小数）` : `“${raw.trim()}”最多两位小数` };
  }
  return { ok: true, yuan: yuan.toFixed(2) };
}

type SubjectKind = "function" | "economic";

/**
 * A subject by code, by exact name, or by "code name" as catalogues print it. A name shared by
 * several subjects (many 项 are called 行政运行) is not guessed.
 */
export function matchSubject(catalog: Catalog, kind: SubjectKind, raw: string): { ok: true; code: string } | { ok: false; message: string } {
  const subjects = kind === "function" ? catalog.functions : catalog.economics;
  const level = kind === "function" ? 3 : 2;
  const label = kind === "function" ? "功能分类" : "经济分类";
  const text = raw.trim().replace(/\u3000/g, " ");
  if (text === "") return { ok: false, message: `${label}为空` };
  const folded = foldWidth(text);
  const leading = /^(\d+)/.exec(folded)?.[1];
  if (leading && subjects.get(leading)?.level === level) return { ok: true, code: leading };
  const name = text.replace(/^[\d０-９]+\s*/, "").trim();
  const byName = [...subjects.values()].filter((s) => s.level === level && s.name === name);
  if (byName.length === 1) return { ok: true, code: byName[0]!.code };
  if (byName.length > 1) return { ok: false, message: `${label}名称“${name}”对应多个科目（${byName.map((s) => s.code).join("、")}），请填编码` };
  return { ok: false, message: `${label}“${text}”在科目表中找不到` };
}

/** A fund by its key or its Chinese label (一般公共预算拨款, or 一般公共预算 for short). */
export function matchFund(raw: string): { ok: true; fund: string } | { ok: false; message: string } {
  const text = raw.trim().replace(/[\s\u3000]/g, "");
  if (text === "") return { ok: false, message: "资金来源为空" };
  for (const f of FUNDS) {
    const label = FUND_LABELS[f as keyof typeof FUND_LABELS];
    if (text === f || text === label || (label && label.startsWith(text) && text.length >= 4)) return { ok: true, fund: f };
  }
  return { ok: false, message: `资金来源“${raw.trim()}”无法识别` };
}

export interface PasteResult {
  lines: GridLine[];
  problems: CellProblem[];
  /** Rows of the grid the paste wrote to (from 0), for the accountant to review. */
  rows: number[];
  /** Cells right of the last column, which had nowhere to go. */
  ignoredColumns: number;
}

/**
 * Writes `block` into `lines` from (`row`, `column`) on: a cell that reads lands converted, one
 * that does not lands as typed (so nothing is lost) and is named in `problems`; rows past the
 * end are appended with the default fund. Pure: returns new lines and leaves `lines` alone.
 */
export function applyPaste(
  lines: readonly GridLine[],
  block: string[][],
  at: { row: number; column: GridColumn },
  catalog: Catalog,
  unit: AmountUnit = "元",
): PasteResult {
  const out = lines.map((l) => ({ ...l }));
  const problems: CellProblem[] = [];
  const rows: number[] = [];
  const first = GRID_COLUMNS.indexOf(at.column);
  let ignoredColumns = 0;
  // A block whose every row is empty (an empty selection) writes nothing.
  const meaningful = block.filter((cells) => cells.some((c) => c.trim() !== ""));
  meaningful.forEach((cells, r) => {
    const target = at.row + r;
    while (out.length <= target) out.push({ function: "", economic: "", fund: "generalBudget", amount: "" });
    const line = out[target]!;
    rows.push(target);
    cells.forEach((raw, c) => {
      const column = GRID_COLUMNS[first + c];
      if (!column) {
        if (raw.trim() !== "") ignoredColumns = Math.max(ignoredColumns, first + c - GRID_COLUMNS.length + 1);
        return;
      }
      const problem = (message: string) => problems.push({ row: target, column, message: `第 ${target + 1} 行 ${COLUMN_LABELS[column]}：${message}` });
      if (column === "amount") {
        const read = readAmount(raw, unit);
        if (read.ok) line.amount = read.yuan;
        else {
          line.amount = raw.trim();
          problem(read.message);
        }
      } else if (column === "fund") {
        const read = matchFund(raw);
        if (read.ok) line.fund = read.fund;
        // The select cannot hold an unknown value: the fund stays as it was and the typed text is named.
        else problem(`${read.message}，已保留原来的资金来源`);
      } else {
        const read = matchSubject(catalog, column, raw);
        if (read.ok) line[column] = read.code;
        else {
          line[column] = raw.trim();
          problem(read.message);
        }
      }
    });
  });
  return { lines: out, problems, rows, ignoredColumns };
}

export const COLUMN_LABELS: Record<GridColumn, string> = {
  function: "功能分类",
  economic: "经济分类",
  fund: "资金来源",
  amount: "金额",
};
