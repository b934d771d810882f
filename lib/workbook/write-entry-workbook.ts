import ExcelJS from "exceljs";
import Decimal from "decimal.js";
import { packageToBudget } from "@/lib/budget/package/to-budget";
import { budgetToPackage } from "@/lib/budget/package/from-budget";
import type { BudgetPackage, PackageIndicator } from "@/lib/budget/package/schema";
import { OPERATORS } from "@/lib/budget/package/schema";
import { PROCUREMENT_CATEGORY_LABELS } from "@/lib/budget/package/labels";
import type { Catalog } from "@/lib/catalog/catalog";
import {
  BOOL_LABELS,
  CATALOGUE_SHEET,
  columnLetter,
  ENTRY_WORKBOOK_FORMAT,
  FUND_LABEL,
  GUIDE_SHEET,
  LIST_ROWS,
  SHEET_ORDER,
  SHEETS,
  STAMP_SHEET,
  TIER_LABELS,
  type FormSheet,
  type ListColumn,
  type ListSheet,
  type SheetLayout,
  type ValidationList,
} from "./layout";

export interface WorkbookStamp {
  format: typeof ENTRY_WORKBOOK_FORMAT;
  /** A budget's or a 决算's workbook: their sheets differ, so neither is read as the other. */
  kind: "budget" | "final";
  /** The budget the workbook was downloaded from; null for a blank template. */
  budgetId: number | null;
  region: string;
  unit: string;
  year: number;
  /** The budget's version when downloaded; null for a blank template. */
  version: number | null;
}

const AMOUNT_NUMFMT = "#,##0.00";
const HEAD_FILL = { type: "pattern" as const, pattern: "solid" as const, fgColor: { argb: "FFF2F3F5" } };
const INPUT_FILL = { type: "pattern" as const, pattern: "solid" as const, fgColor: { argb: "FFFFFDE7" } };
const LOCKED = { locked: true };
const UNLOCKED = { locked: false };
// Structure stays editable (rows can be inserted, deleted, sorted); only locked cells are guarded.
export const PROTECTION = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
  insertRows: true,
  deleteRows: true,
  sort: true,
  autoFilter: true,
};

export type Value = string | number | boolean | undefined | null;

/** Amount in 元 as the number in the cell: 12 integer digits and 2 decimals are exact in a double. */
const yuan = (s: string | undefined): number | undefined => (s === undefined ? undefined : new Decimal(s).toNumber());

function cellValue(kind: ListColumn["kind"], v: Value): ExcelJS.CellValue {
  if (v === undefined || v === null) return null;
  switch (kind) {
    case "amount":
      return typeof v === "string" ? (yuan(v) ?? null) : (v as number);
    case "count":
      return v as number;
    case "fund":
      return FUND_LABEL[v as keyof typeof FUND_LABEL] ?? String(v);
    case "bool":
      return v ? BOOL_LABELS.true : BOOL_LABELS.false;
    case "tier":
      return TIER_LABELS[v as keyof typeof TIER_LABELS] ?? String(v);
    case "category":
      return PROCUREMENT_CATEGORY_LABELS[v as keyof typeof PROCUREMENT_CATEGORY_LABELS] ?? String(v);
    default:
      // Text is written as a string cell: Excel shows it and never evaluates it as a formula.
      return String(v);
  }
}

function styleFor(kind: ListColumn["kind"]): Partial<ExcelJS.Style> {
  if (kind === "amount") return { numFmt: AMOUNT_NUMFMT, protection: UNLOCKED };
  if (kind === "count") return { numFmt: "0", protection: UNLOCKED };
  if (kind === "derived") return { protection: UNLOCKED, font: { color: { argb: "FF6B7280" } } };
  // "@" keeps codes such as 2010301 and weights such as 30.0 as typed.
  return { numFmt: "@", protection: UNLOCKED, alignment: { wrapText: kind === "text", vertical: "top" } };
}

export function get(obj: unknown, path: string): Value {
  let cur: unknown = obj;
  for (const k of path.split(".")) {
    if (typeof cur !== "object" || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  if (Array.isArray(cur)) return cur.join(",");
  return cur as Value;
}

interface Lists {
  ranges: Partial<Record<ValidationList, string>>;
}

/** The lists' ranges now; the hidden sheet itself is added later, behind the entry sheets. */
export function catalogueLists(catalog: Catalog | undefined): Lists & { add: (wb: ExcelJS.Workbook) => void } {
  const columns: [ValidationList, string, string[], string[]][] = [];
  const functions = catalog ? [...catalog.functions.values()].filter((f) => f.level === 3).sort((a, b) => a.code.localeCompare(b.code)) : [];
  const economics = catalog ? [...catalog.economics.values()].filter((e) => e.level === 2).sort((a, b) => a.code.localeCompare(b.code)) : [];
  columns.push(["function", "功能分类科目（项）", functions.map((f) => f.code), functions.map((f) => f.name)]);
  columns.push(["economic", "经济分类科目（款）", economics.map((e) => e.code), economics.map((e) => e.name)]);
  columns.push(["fund", "资金来源", Object.values(FUND_LABEL), []]);
  columns.push(["bool", "是否", [BOOL_LABELS.true, BOOL_LABELS.false], []]);
  columns.push(["operator", "指标性质", [...OPERATORS], []]);
  columns.push(["tier", "项目层级", Object.values(TIER_LABELS), []]);
  columns.push(["category", "采购类别", Object.values(PROCUREMENT_CATEGORY_LABELS), []]);
  const ranges: Lists["ranges"] = {};
  let col = 1;
  const placed: { col: number; title: string; values: string[]; names: string[] }[] = [];
  for (const [list, title, values, names] of columns) {
    placed.push({ col, title, values, names });
    if (values.length > 0) {
      const letter = columnLetter(col);
      ranges[list] = `'${CATALOGUE_SHEET}'!$${letter}$2:$${letter}$${values.length + 1}`;
    }
    col += names.length > 0 ? 2 : 1;
  }
  const add = (wb: ExcelJS.Workbook) => {
    const ws = wb.addWorksheet(CATALOGUE_SHEET, { state: "hidden" });
    for (const { col, title, values, names } of placed) {
      ws.getCell(1, col).value = title;
      values.forEach((v, i) => {
        ws.getCell(i + 2, col).value = v;
        if (names[i] !== undefined) ws.getCell(i + 2, col + 1).value = names[i]!;
      });
    }
  };
  return { ranges, add };
}

export function addStampSheet(wb: ExcelJS.Workbook, stamp: WorkbookStamp) {
  // veryHidden: not listed under "unhide", so an accountant does not edit it by accident.
  const ws = wb.addWorksheet(STAMP_SHEET, { state: "veryHidden" });
  const rows: [string, string | number | null][] = [
    ["format", stamp.format],
    ["kind", stamp.kind],
    ["budgetId", stamp.budgetId],
    ["region", stamp.region],
    ["unit", stamp.unit],
    ["year", stamp.year],
    ["version", stamp.version],
  ];
  rows.forEach(([k, v], i) => {
    ws.getCell(i + 1, 1).value = k;
    ws.getCell(i + 1, 2).value = v;
  });
}

function header(ws: ExcelJS.Worksheet, labels: string[]) {
  const row = ws.getRow(1);
  labels.forEach((label, i) => {
    const cell = row.getCell(i + 1);
    cell.value = label;
    cell.font = { bold: true };
    cell.fill = HEAD_FILL;
    cell.alignment = { vertical: "middle", wrapText: true };
    cell.protection = LOCKED;
  });
  ws.views = [{ state: "frozen", ySplit: 1 }];
}

export function addFormSheet(wb: ExcelJS.Workbook, sheet: FormSheet, pkg: object | undefined) {
  const ws = wb.addWorksheet(sheet.name);
  ws.columns = [{ width: 30 }, { width: 60 }, { width: 40 }, { width: 28, hidden: true }];
  header(ws, ["项目", "填写内容", "说明", "字段"]);
  sheet.fields.forEach((f, i) => {
    const row = ws.getRow(i + 2);
    row.getCell(1).value = f.label;
    row.getCell(1).protection = LOCKED;
    const v = row.getCell(2);
    v.style = styleFor(f.kind);
    v.value = pkg ? cellValue(f.kind, get(pkg, f.path)) : null;
    if (f.locked) v.protection = LOCKED;
    else v.fill = INPUT_FILL;
    row.getCell(3).value = f.hint ?? (f.kind === "amount" ? "元" : f.kind === "count" ? "辆" : null);
    row.getCell(3).protection = LOCKED;
    row.getCell(4).value = f.path;
    row.getCell(4).protection = LOCKED;
  });
  return ws;
}

export function addListSheet(wb: ExcelJS.Workbook, sheet: ListSheet, rows: Record<string, Value>[], lists: Lists) {
  const ws = wb.addWorksheet(sheet.name);
  ws.columns = sheet.columns.map((c) => ({ width: c.width, style: styleFor(c.kind) }));
  header(
    ws,
    sheet.columns.map((c) => c.label),
  );
  rows.forEach((r, i) => {
    const row = ws.getRow(i + 2);
    sheet.columns.forEach((c, j) => {
      const value = cellValue(c.kind, r[c.key]);
      if (value !== null) row.getCell(j + 1).value = value;
    });
  });
  sheet.columns.forEach((c, j) => {
    const range = c.list ? lists.ranges[c.list] : undefined;
    if (!range) return;
    const letter = columnLetter(j + 1);
    // One validation for the whole column range: per-cell validations would bloat the file.
    ((ws as unknown as { dataValidations: unknown }).dataValidations as { add: (a: string, v: ExcelJS.DataValidation) => void }).add(
      `${letter}2:${letter}${LIST_ROWS + 1}`,
      {
        type: "list",
        allowBlank: true,
        formulae: [range],
        showErrorMessage: true,
        errorStyle: "warning",
        errorTitle: "不在目录中",
        error: `请从下拉列表中选择${c.label}`,
      },
    );
  });
  return ws;
}

/** The first sheet, 说明: a title (what the workbook is and which version) and how to fill it. */
function addGuideSheet(wb: ExcelJS.Workbook, lines: string[]) {
  const ws = wb.addWorksheet(GUIDE_SHEET);
  ws.columns = [{ width: 110 }];
  lines.forEach((line, i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = line;
    cell.alignment = { wrapText: true, vertical: "top" };
    if (i === 0) cell.font = { bold: true, size: 14 };
    if (line === "怎样填写") cell.font = { bold: true };
  });
  return ws;
}

/** "空白模板" or "第 3 版": what the guide's title says the workbook is. */
export const stampLabel = (stamp: Pick<WorkbookStamp, "budgetId" | "version">) => (stamp.budgetId === null ? "空白模板" : `第 ${stamp.version} 版`);

/** The stamp of a workbook written for a package (its region, unit and year) of either kind. */
export function stampFor(
  kind: WorkbookStamp["kind"],
  pkg: { year: number; region: { code: string }; unit: { code: string } },
  stamp: Pick<WorkbookStamp, "budgetId" | "version">,
): WorkbookStamp {
  return {
    format: ENTRY_WORKBOOK_FORMAT,
    kind,
    budgetId: stamp.budgetId,
    version: stamp.version,
    region: pkg.region.code,
    unit: pkg.unit.code,
    year: pkg.year,
  };
}

/** Subject names by code from the year's catalogue (the previous year's for an old function code). */
export function subjectNames(catalog: Catalog | undefined) {
  return {
    fname: (code: string) => catalog?.functions.get(code)?.name ?? catalog?.previous?.functions.get(code)?.name,
    ename: (code: string | undefined) => (code ? catalog?.economics.get(code)?.name : undefined),
  };
}

/**
 * An entry workbook of either kind: 说明 first, then the sheets in their order (a form reads
 * `forms` by path, a list takes its rows from `rowsOf`), the hidden lists and stamp; every sheet
 * locked without a password (the lock guards against accidents, not against the department).
 */
export async function assembleWorkbook(o: {
  stamp: WorkbookStamp;
  guide: string[];
  order: SheetLayout[];
  forms: object;
  rowsOf: Record<string, Record<string, Value>[]>;
  catalog: Catalog | undefined;
}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "明账";
  wb.created = new Date(0);
  wb.modified = new Date(0);
  addGuideSheet(wb, o.guide);
  const lists = catalogueLists(o.catalog);
  const sheets: ExcelJS.Worksheet[] = [];
  for (const sheet of o.order) {
    sheets.push(sheet.type === "form" ? addFormSheet(wb, sheet, o.forms) : addListSheet(wb, sheet, o.rowsOf[sheet.name] ?? [], lists));
  }
  lists.add(wb);
  addStampSheet(wb, o.stamp);
  for (const ws of sheets) await ws.protect("", PROTECTION);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const indicatorRow = (i: PackageIndicator): Record<string, Value> => ({ ...i });

/**
 * The budget package as an entry workbook (amounts in 元). `catalog` supplies the subject
 * names and the drop-down lists; without it the lists are left out.
 */
export async function writeEntryWorkbook(
  input: BudgetPackage,
  options: { stamp: Pick<WorkbookStamp, "budgetId" | "version">; catalog?: Catalog },
): Promise<Buffer> {
  // One unit (元) and every default made explicit, whatever the unit and shape of the input.
  const pkg = budgetToPackage(packageToBudget(input), { unit: "元" });
  const stamp = stampFor("budget", pkg, options.stamp);
  const { fname, ename } = subjectNames(options.catalog);
  const guide = [
    `${pkg.unit.name} ${pkg.year} 年部门预算录入工作簿（${stampLabel(stamp)}）`,
    "",
    "怎样填写",
    "1. 每张工作表对应预算的一部分：单位基本情况、职能职责、所属单位、收入、基本支出、项目、绩效指标、三公、采购、资产、整体绩效、整体绩效指标、说明理由、上年、上年功能分类。",
    "2. 只填黄色底纹的单元格和列表中的行；第 1 行是表头，已锁定，请勿修改。列表可在表头下方逐行填写、插入或删除行。",
    "3. 金额一律以“元”为单位，填写数字（最多两位小数），不要填写文字、单位或负数；空白即为 0。",
    "4. 基本支出每行是一个“功能分类科目（项，7 位）× 经济分类科目（款，5 位）× 资金来源”，同一组合只能有一行。科目编码和资金来源可从下拉列表选择，列表来自本年度科目目录。科目名称列仅供参考，不会被读取。",
    "5. 项目的绩效指标填在“绩效指标”表，每行写明所属项目编码；部门整体绩效指标填在“整体绩效指标”表。",
    "6. “上年”和“上年功能分类”填写上年预算数（首年使用明账时可从上年公开的预算表导入）；如没有上年数据，整张表留空。",
    "7. 填好后在明账“导入与下载”页上传本工作簿：系统先显示将新增、修改、删除的内容，确认后才保存；有任何问题时会逐条列出工作表、单元格和字段，全部改正前不会保存任何内容。",
    "8. 本工作簿只能上传到下载它的预算；预算在下载后又被修改过（版本变化）时，请重新下载。",
  ];
  const rowsOf: Record<string, Record<string, Value>[]> = {
    [SHEETS.functions.name]: (pkg.unit.functions ?? []).map((text) => ({ text })),
    [SHEETS.subUnits.name]: (pkg.unit.subUnits ?? []).map((s) => ({ ...s })),
    [SHEETS.basic.name]: (pkg.basicExpenditure ?? []).map((l) => ({ ...l, functionName: fname(l.function), economicName: ename(l.economic) })),
    [SHEETS.projects.name]: (pkg.projects ?? []).map(({ indicators: _, ...p }) => ({ ...p, functionName: fname(p.function) })),
    [SHEETS.indicators.name]: (pkg.projects ?? []).flatMap((p) => (p.indicators ?? []).map((i) => ({ project: p.code, ...indicatorRow(i) }))),
    [SHEETS.procurement.name]: (pkg.procurement ?? []).map((l) => ({ ...l })),
    [SHEETS.performanceIndicators.name]: (pkg.performance?.indicators ?? []).map(indicatorRow),
    [SHEETS.priorByFunction.name]: Object.entries(pkg.priorYear?.expenditureByFunction ?? {}).map(([code, amount]) => ({
      function: code,
      functionName: fname(code),
      amount,
    })),
  };
  return assembleWorkbook({ stamp, guide, order: SHEET_ORDER, forms: pkg, rowsOf, catalog: options.catalog });
}

/** A blank entry workbook for a department and year: the unit's identity, no amounts. */
export function blankPackage(input: {
  year: number;
  region: { code: string; name: string };
  unit: { code: string; name: string; subUnits?: { code: string; name: string }[] };
}): BudgetPackage {
  return {
    format: "budget-package/1",
    kind: "budget",
    year: input.year,
    amountUnit: "元",
    region: { ...input.region },
    unit: { code: input.unit.code, name: input.unit.name, subUnits: input.unit.subUnits?.map((s) => ({ ...s })) ?? [] },
  };
}
