import ExcelJS from "exceljs";
import Decimal from "decimal.js";
import { issuesToErrors, OPERATORS, type PackageError } from "@/lib/budget/package/schema";
import { describeField, formatPath, PROCUREMENT_CATEGORY_LABELS, type PathSegment } from "@/lib/budget/package/labels";
import {
  BOOL_LABELS,
  columnLetter,
  ENTRY_WORKBOOK_FORMAT,
  FUND_LABEL,
  STAMP_SHEET,
  TIER_LABELS,
  type CellKind,
  type FormSheet,
  type ListSheet,
} from "./layout";
import type { WorkbookStamp } from "./write-entry-workbook";

/**
 * Reading an entry workbook, budget's or 决算's alike: cells to package values by the layout
 * (layout.ts, final-layout.ts), each value remembered with its cell so that every problem names
 * its sheet, cell and field. read-entry-workbook.ts and read-final-workbook.ts only say which
 * sheet fills which part of their package.
 */
/** A problem of a workbook: `cell` is `基本支出!E17` when the problem sits in one cell. */
export interface WorkbookProblem extends PackageError {
  cell?: string;
}

type Plain = string | number | boolean | Date | null | { error: string };

/** What a cell shows: a formula's result, rich text as its text. */
function plain(value: ExcelJS.CellValue): Plain {
  if (value === null || value === undefined) return null;
  if (typeof value !== "object" || value instanceof Date) return value;
  if ("formula" in value || "sharedFormula" in value) return plain((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("text" in value && typeof value.text === "string") return value.text;
  if ("error" in value) return { error: String(value.error) };
  return null;
}

const isBlank = (v: Plain) => v === null || (typeof v === "string" && v.trim() === "");
const describeValue = (v: Plain) =>
  typeof v === "string" ? `文本“${v.slice(0, 30)}”` : v instanceof Date ? "日期" : typeof v === "boolean" ? "逻辑值" : String(v);

const fromLabel = <K extends string>(labels: Record<K, string>, v: string): K | undefined => {
  const t = v.trim();
  for (const [k, label] of Object.entries(labels) as [K, string][]) if (t === label || t === k) return k;
  return undefined;
};

/** A cell's value as the package holds it, or a Chinese reason it cannot be read. */
function convert(kind: CellKind, v: Plain, path: string): { value: unknown } | { problem: string } {
  if (v !== null && typeof v === "object" && !(v instanceof Date)) return { problem: `单元格是错误值 ${v.error}` };
  switch (kind) {
    case "amount": {
      if (isBlank(v)) return { value: undefined };
      if (typeof v !== "number") return { problem: `金额应填数字（元），不能是${describeValue(v)}` };
      if (!Number.isFinite(v)) return { problem: "金额不是有限数字" };
      const d = new Decimal(v);
      // A formula's result such as 0.1 + 0.2 carries binary noise below the fen; anything
      // coarser is a real third decimal and is left for the schema to refuse.
      const fen = d.toDecimalPlaces(2);
      return { value: (d.minus(fen).abs().lessThan(1e-6) ? fen : d).toFixed() };
    }
    case "count": {
      if (isBlank(v)) return { value: undefined };
      if (typeof v === "number") return { value: v };
      if (typeof v === "string" && /^\s*\d+\s*$/.test(v)) return { value: Number(v) };
      return { problem: `应填整数，不能是${describeValue(v)}` };
    }
    case "code": {
      if (isBlank(v)) return { value: undefined };
      if (typeof v === "number" && Number.isSafeInteger(v) && v >= 0) return { value: String(v) };
      if (typeof v === "string") return { value: v.trim() };
      return { problem: `应填数字编码，不能是${describeValue(v)}` };
    }
    case "weight": {
      if (isBlank(v)) return { value: undefined };
      if (typeof v === "number") return { value: new Decimal(v).toFixed() };
      if (typeof v === "string") return { value: v.trim() };
      return { problem: `应填数字，不能是${describeValue(v)}` };
    }
    case "fund":
    case "tier":
    case "category":
    case "bool":
    case "operator": {
      if (isBlank(v)) return { value: undefined };
      if (kind === "bool" && typeof v === "boolean") return { value: v };
      const s = String(v instanceof Date ? "" : v);
      const found =
        kind === "fund"
          ? fromLabel(FUND_LABEL, s)
          : kind === "tier"
            ? fromLabel(TIER_LABELS, s)
            : kind === "category"
              ? fromLabel(PROCUREMENT_CATEGORY_LABELS, s)
              : kind === "bool"
                ? { 是: true, 否: false, true: true, false: false, TRUE: true, FALSE: false }[s.trim()]
                : (OPERATORS as readonly string[]).includes(s.trim())
                  ? s.trim()
                  : undefined;
      if (found !== undefined) return { value: found };
      const choices =
        kind === "fund"
          ? Object.values(FUND_LABEL)
          : kind === "tier"
            ? Object.values(TIER_LABELS)
            : kind === "category"
              ? Object.values(PROCUREMENT_CATEGORY_LABELS)
              : kind === "bool"
                ? Object.values(BOOL_LABELS)
                : OPERATORS;
      return { problem: `“${s.slice(0, 30)}”不是可选的值，应为 ${choices.join("、")} 之一` };
    }
    case "tables": {
      if (isBlank(v)) return { value: undefined };
      return {
        value: String(v)
          .split(/[,，、\s]+/)
          .filter((t) => t !== "")
          .map((t) => t.toUpperCase()),
      };
    }
    case "derived":
      return { value: undefined };
    default: {
      if (v === null) return { value: undefined };
      if (v instanceof Date) {
        // A "2023-12" typed into a general cell turns into a date; 截至年月 takes it back.
        if (path === "assets.asOf") return { value: `${v.getUTCFullYear()}-${String(v.getUTCMonth() + 1).padStart(2, "0")}` };
        return { problem: "应填文字，不能是日期" };
      }
      if (typeof v === "number") return { value: new Decimal(v).toFixed() };
      if (typeof v === "boolean") return { value: v ? "是" : "否" };
      return { value: kind === "required" ? v.trim() : v };
    }
  }
}

function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split(".");
  let cur = target;
  for (const k of keys.slice(0, -1)) {
    if (typeof cur[k] !== "object" || cur[k] === null) cur[k] = {};
    cur = cur[k] as Record<string, unknown>;
  }
  cur[keys[keys.length - 1]!] = value;
}

interface Place {
  cell: string;
  label: string;
}

export class Reader {
  readonly problems: WorkbookProblem[] = [];
  /** Package path (formatted) → the cell it was read from. */
  readonly places = new Map<string, Place>();

  problem(cell: string, label: string, message: string, path = "") {
    this.problems.push({ path, cell, message: `${cell}（${label}）：${message}` });
  }

  place(path: readonly PathSegment[], cell: string, label: string) {
    this.places.set(formatPath(path), { cell, label });
  }

  /** The cell of a path, or of its nearest ancestor that has one. */
  locate(path: readonly PathSegment[]): Place | undefined {
    for (let n = path.length; n > 0; n--) {
      const found = this.places.get(formatPath(path.slice(0, n)));
      if (found) return found;
    }
    return undefined;
  }

  /** A problem of the package with the cell its path was read from, when it was read from one. */
  at(e: PackageError): WorkbookProblem {
    const place = e.path === "" ? undefined : this.locate(pathSegments(e.path));
    return place ? { ...e, cell: place.cell } : e;
  }

  /** The cell a package path was read from (the `cellOf` of a read workbook). */
  cellOf = (path: string): string | undefined => (path === "" ? undefined : this.locate(pathSegments(path))?.cell);

  describe = (path: readonly PathSegment[]): string => {
    const at = this.locate(path);
    return at ? `${at.cell}（${at.label}）` : describeField(path);
  };

  readForm(ws: ExcelJS.Worksheet, sheet: FormSheet, out: Record<string, unknown>): boolean {
    const byPath = new Map(sheet.fields.map((f) => [f.path, f]));
    let any = false;
    ws.eachRow((row, r) => {
      if (r === 1) return;
      const key = plain(row.getCell(4).value);
      const field = typeof key === "string" ? byPath.get(key) : undefined;
      if (!field) return;
      const ref = `${sheet.name}!B${r}`;
      const raw = plain(row.getCell(2).value);
      const got = convert(field.kind, raw, field.path);
      this.place(field.path.split("."), ref, field.label);
      if ("problem" in got) {
        this.problem(ref, field.label, got.problem, field.path);
        any = true;
        return;
      }
      if (got.value !== undefined) {
        setPath(out, field.path, got.value);
        if (!isBlank(raw)) any = true;
      }
    });
    return any;
  }

  /** Items of a list sheet, each with its row number; blank rows are skipped. */
  readList(ws: ExcelJS.Worksheet, sheet: ListSheet, base: (i: number) => PathSegment[]): { row: number; item: Record<string, unknown> }[] {
    const out: { row: number; item: Record<string, unknown> }[] = [];
    const inputs = sheet.columns.map((c, j) => ({ c, col: j + 1 })).filter(({ c }) => c.kind !== "derived");
    ws.eachRow((row, r) => {
      if (r === 1) return;
      const raw = inputs.map(({ col }) => plain(row.getCell(col).value));
      if (raw.every(isBlank)) return;
      const index = out.length;
      const item: Record<string, unknown> = {};
      this.place(base(index), `${sheet.name}!A${r}`, `第 ${r} 行`);
      inputs.forEach(({ c, col }, k) => {
        const ref = `${sheet.name}!${columnLetter(col)}${r}`;
        this.place([...base(index), c.key], ref, c.label);
        const got = convert(c.kind, raw[k]!, c.key);
        if ("problem" in got) this.problem(ref, c.label, got.problem, formatPath([...base(index), c.key]));
        else if (got.value !== undefined) item[c.key] = got.value;
      });
      out.push({ row: r, item });
    });
    return out;
  }
}

export function readStamp(wb: ExcelJS.Workbook): WorkbookStamp | string {
  const ws = wb.getWorksheet(STAMP_SHEET);
  const notOurs = "这不是明账的录入工作簿（缺少版本标记），请在“导入与下载”页下载录入工作簿后填写";
  if (!ws) return notOurs;
  const values = new Map<string, Plain>();
  ws.eachRow((row) => {
    const k = plain(row.getCell(1).value);
    if (typeof k === "string") values.set(k, plain(row.getCell(2).value));
  });
  if (values.get("format") !== ENTRY_WORKBOOK_FORMAT) return notOurs;
  const int = (k: string) => {
    const v = values.get(k);
    return typeof v === "number" && Number.isSafeInteger(v) ? v : null;
  };
  const str = (k: string) => {
    const v = values.get(k);
    return typeof v === "string" ? v : typeof v === "number" ? String(v) : null;
  };
  const year = int("year");
  const region = str("region");
  const unit = str("unit");
  if (year === null || region === null || unit === null) return "录入工作簿的版本标记已损坏，请重新下载录入工作簿";
  // Workbooks written before 决算 had their own carry no kind: they are budgets'.
  const kind = values.get("kind") === "final" ? "final" : "budget";
  return { format: ENTRY_WORKBOOK_FORMAT, kind, budgetId: int("budgetId"), version: int("version"), region, unit, year };
}

const NOT_A_WORKBOOK = "文件不是有效的 Excel 工作簿（.xlsx），请用 Excel 或 WPS 另存为 .xlsx 后上传";
const WRONG_KIND = {
  budget: "这是决算的录入工作簿，不能导入预算",
  final: "这是预算的录入工作簿，不能导入决算；请在决算的“导入与下载”页下载决算录入工作簿",
};

export type ReadFailure = { ok: false; errors: WorkbookProblem[]; stamp?: WorkbookStamp };

/** An entry workbook of one kind with its stamp, or why it is not one. */
export async function openEntryWorkbook(
  data: Uint8Array | ArrayBuffer,
  kind: "budget" | "final",
): Promise<{ wb: ExcelJS.Workbook; stamp: WorkbookStamp } | ReadFailure> {
  const wb = new ExcelJS.Workbook();
  try {
    // Validations and styles are the writer's; reading them back would only cost time.
    await wb.xlsx.load(data as ArrayBuffer, { ignoreNodes: ["dataValidations", "conditionalFormatting", "sheetProtection"] } as never);
  } catch {
    return { ok: false, errors: [{ path: "", message: NOT_A_WORKBOOK }] };
  }
  const stamp = readStamp(wb);
  if (typeof stamp === "string") return { ok: false, errors: [{ path: "", message: stamp }] };
  if (stamp.kind !== kind) return { ok: false, errors: [{ path: "", message: WRONG_KIND[kind] }], stamp };
  return { wb, stamp };
}

/** The sheets of a workbook as the reader reads them; a missing sheet is one problem in `missing`. */
export function sheetsOf(wb: ExcelJS.Workbook, reader: Reader) {
  const missing: WorkbookProblem[] = [];
  const sheet = (name: string) => {
    const ws = wb.getWorksheet(name);
    if (!ws) missing.push({ path: "", message: `缺少工作表“${name}”，请勿删除或重命名录入工作簿的工作表` });
    return ws;
  };
  const form = (s: FormSheet, out: Record<string, unknown>) => {
    const ws = sheet(s.name);
    return ws ? reader.readForm(ws, s, out) : false;
  };
  const list = (s: ListSheet, base: (i: number) => PathSegment[]) => {
    const ws = sheet(s.name);
    return ws ? reader.readList(ws, s, base) : [];
  };
  return { missing, sheet, form, list };
}

/**
 * Indicator rows, each naming its project by code, read on their own and then placed under their
 * project (`into` says where in it), so that their cells are known by the path they end up at.
 */
export function placeIndicators(
  reader: Reader,
  ws: ExcelJS.Worksheet,
  layout: ListSheet,
  projects: Record<string, unknown>[],
  into: (at: number) => { list: unknown[]; path: string },
  pick: (item: Record<string, unknown>) => unknown,
): void {
  const byCode = new Map<unknown, number>();
  projects.forEach((p, i) => {
    if (!byCode.has(p.code)) byCode.set(p.code, i);
  });
  const scratch = new Reader();
  const rows = scratch.readList(ws, layout, (i) => ["indicators", i]);
  reader.problems.push(...scratch.problems);
  rows.forEach(({ row, item }, i) => {
    const at = byCode.get(item.project);
    if (at === undefined) {
      reader.problem(
        `${layout.name}!A${row}`,
        "项目编码",
        item.project === undefined ? "缺少所属项目的编码" : `“项目”表中没有编码为 ${String(item.project)} 的项目`,
      );
      return;
    }
    const target = into(at);
    const j = target.list.length;
    target.list.push(pick(item));
    const prefix = `indicators[${i}]`;
    for (const [key, place] of scratch.places) {
      if (key === prefix || key.startsWith(`${prefix}.`)) reader.places.set(`${target.path}[${j}]${key.slice(prefix.length)}`, place);
    }
  });
}

/**
 * A list sheet read as a map by its first column (上年功能分类 by subject, 分类说明 by class): a
 * missing or repeated key is a problem at its cell, each value placed at its own cell.
 */
export function readKeyedRows(
  reader: Reader,
  rows: { row: number; item: Record<string, unknown> }[],
  o: { sheet: string; key: string; keyLabel: string; each: string; value: string; fallback: unknown; column: string; valueLabel: string; path: PathSegment[] },
): Record<string, unknown> {
  const map: Record<string, unknown> = {};
  for (const { row, item } of rows) {
    const code = String(item[o.key] ?? "");
    const ref = `${o.sheet}!A${row}`;
    if (code === "") reader.problem(ref, o.keyLabel, "缺少科目编码");
    else if (code in map) reader.problem(ref, o.keyLabel, `科目 ${code} 重复，${o.each}只能有一行`);
    else {
      map[code] = item[o.value] ?? o.fallback;
      reader.place([...o.path, code], `${o.sheet}!${o.column}${row}`, o.valueLabel);
    }
  }
  return map;
}

type SchemaCheck = { success: true } | { success: false; error: { issues: Parameters<typeof issuesToErrors>[0] } };

/**
 * The reader's problems, then the schema's that are not about a cell already reported, each
 * with the cell its path was read from.
 */
export function workbookProblems(reader: Reader, parsed: SchemaCheck): WorkbookProblem[] {
  const failedCells = new Set(reader.problems.map((p) => p.path).filter((p) => p !== ""));
  const errors: WorkbookProblem[] = [...reader.problems];
  if (!parsed.success) {
    for (const e of issuesToErrors(parsed.error.issues, reader.describe)) if (!failedCells.has(e.path)) errors.push(reader.at(e));
  }
  return errors;
}

/** A workbook file by its first bytes (an .xlsx is a zip archive), whatever its name. */
export function isWorkbookData(data: Uint8Array): boolean {
  return data.length > 4 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;
}

/** `projects[1].indicators[0].weight` → ["projects", 1, "indicators", 0, "weight"]. */
export function pathSegments(path: string): PathSegment[] {
  const out: PathSegment[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}
