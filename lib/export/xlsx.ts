import ExcelJS from "exceljs";
import type { DisclosureTemplate } from "@/lib/budget/tables/template";
import type { DisclosureTables } from "@/lib/budget/tables/types";
import { placeCells, tableLayouts, type GridTable } from "@/lib/public/layout";

/**
 * Two decimals with separators; the third section makes a zero show as an empty cell, as in the
 * published tables, while the cell still holds the number 0 for anyone summing the sheet.
 */
export const AMOUNT_FORMAT = '#,##0.00;-#,##0.00;""';

const THIN = { style: "thin" as const, color: { argb: "FF8F959E" } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEAD_FILL = { type: "pattern" as const, pattern: "solid" as const, fgColor: { argb: "FFF2F3F5" } };

/*
 * Text is written as it reads, not through neutralizeFormula: exceljs stores a string as a text
 * cell (a shared string), which Excel and WPS show and never evaluate, whatever it starts with.
 * Only a cell given a `{ formula }` value is a formula, and none is. A leading apostrophe would
 * be shown in the cell instead ("'=" for the indicator operator "="). Formats whose fields are
 * parsed when opened (CSV, lib/export/lines-csv.ts) are still neutralised.
 */

/** Excel sheet names: at most 31 characters, none of []:*?/\ , unique in the workbook. */
export function sheetName(table: GridTable, used: Set<string>): string {
  const base = `${table.key} ${table.shortTitle}`
    .replace(/[[\]:*?/\\]/g, "")
    .slice(0, 31)
    .trim();
  let name = base;
  for (let i = 2; used.has(name); i++) name = `${base.slice(0, 31 - String(i).length - 1)}~${i}`;
  used.add(name);
  return name;
}

function addTableSheet(wb: ExcelJS.Workbook, table: GridTable, name: string) {
  const ws = wb.addWorksheet(name, {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = table.widths.map((w) => ({ width: w }));
  let r = 1;
  const fullRow = (value: string, style: Partial<ExcelJS.Style>) => {
    const row = ws.getRow(r);
    row.getCell(1).value = value;
    Object.assign(row.getCell(1), { style });
    if (table.columns > 1) ws.mergeCells(r, 1, r, table.columns);
    r++;
  };
  fullRow(table.title, { font: { bold: true, size: 14 }, alignment: { horizontal: "center", vertical: "middle" } });
  for (const line of table.preface) fullRow(line, { alignment: { horizontal: "left" } });
  fullRow(table.unitLabel, { alignment: { horizontal: "right" } });

  const rows = [...table.head, ...table.body.map((b) => b.cells)];
  const totals = new Set(table.body.flatMap((b, i) => (b.total ? [table.head.length + i] : [])));
  const first = r;
  for (const placed of placeCells(rows, table.columns)) {
    const row = first + placed.row;
    const col = 1 + placed.col;
    const cell = ws.getCell(row, col);
    const c = placed.cell;
    const bold = c.kind === "head" || c.kind === "label" || totals.has(placed.row);
    if (c.kind === "amount") {
      // Machine-form 万元 string → number; two decimals are exact to the fen in a double.
      cell.value = Number(c.amount);
      cell.numFmt = AMOUNT_FORMAT;
      cell.alignment = { horizontal: "right", vertical: "middle" };
    } else {
      // Every other cell is text: a string value, so a text cell, never a formula.
      cell.value = c.text;
      const centred = c.kind === "head" || c.kind === "label";
      cell.alignment = {
        horizontal: centred ? "center" : "left",
        vertical: "middle",
        wrapText: true,
        ...(c.kind === "text" && c.indent ? { indent: c.indent } : {}),
      };
      if (c.kind === "head" || c.kind === "label") cell.fill = HEAD_FILL;
    }
    if (bold) cell.font = { bold: true };
    if (placed.colSpan > 1 || placed.rowSpan > 1) ws.mergeCells(row, col, row + placed.rowSpan - 1, col + placed.colSpan - 1);
    for (let dr = 0; dr < placed.rowSpan; dr++) for (let dc = 0; dc < placed.colSpan; dc++) ws.getCell(row + dr, col + dc).border = BORDER;
  }
  r = first + rows.length;
  if (table.note) {
    r++;
    fullRow(`备注：${table.note}`, { alignment: { horizontal: "left", wrapText: true } });
  }
  if (table.head.length > 0) ws.views = [{ state: "frozen", ySplit: first + table.head.length - 1 }];
}

/**
 * The disclosure tables as an .xlsx workbook: one sheet per table (one per 项目支出绩效目标表)
 * in the standard layout, from the same grids as the HTML.
 */
export async function writeDisclosureWorkbook(tables: DisclosureTables, options: { template?: DisclosureTemplate; publishedAt?: Date } = {}): Promise<Buffer> {
  return writeGridWorkbook(tableLayouts(tables, options.template), {
    title: `${tables.unit.name}${tables.year}年部门预算`,
    ...(options.publishedAt ? { publishedAt: options.publishedAt } : {}),
  });
}

/** Any list of table layouts (a budget's, a 决算's) as a workbook, one sheet per grid. */
export async function writeGridWorkbook(grids: readonly GridTable[], options: { title: string; publishedAt?: Date }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "明账";
  wb.title = options.title;
  const when = options.publishedAt ?? new Date(0);
  wb.created = when;
  wb.modified = when;
  const used = new Set<string>();
  for (const table of grids) addTableSheet(wb, table, sheetName(table, used));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
