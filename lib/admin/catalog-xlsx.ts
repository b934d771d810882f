import ExcelJS from "exceljs";
import { columnLetters, type Grid } from "./catalog-table";

/**
 * The sheets of an uploaded .xlsx as grids of cell texts, cells named as Excel names them
 * (工作表“功能分类”第 5 行 A5 单元格). Codes typed as numbers come back as their digits.
 */
export async function xlsxGrids(data: Uint8Array): Promise<{ name: string; grid: Grid }[]> {
  const workbook = new ExcelJS.Workbook();
  // exceljs's typings predate Node's generic Buffer.
  await workbook.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
  return workbook.worksheets.map((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
        cells[colNumber - 1] = cellText(cell.value);
      });
      rows[rowNumber - 1] = Array.from(cells, (c) => c ?? "");
    });
    const filled = Array.from(rows, (r) => r ?? []);
    return {
      name: sheet.name,
      grid: {
        rows: filled,
        where: (row, col) => `工作表“${sheet.name}”第 ${row + 1} 行 ${columnLetters(col)}${row + 1} 单元格`,
        whereRow: (row) => `工作表“${sheet.name}”第 ${row + 1} 行`,
      },
    };
  });
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value && Array.isArray(value.richText)) return value.richText.map((t) => t.text).join("");
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("result" in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ("error" in value) return "";
  }
  return String(value);
}
