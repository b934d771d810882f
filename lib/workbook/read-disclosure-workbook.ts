import ExcelJS from "exceljs";
import Decimal from "decimal.js";
import type { BudgetPackage, PackageError } from "@/lib/budget/package/schema";

/**
 * Last year's 上年 figures from the disclosure workbook a department published (the T1–T11 Excel
 * 明账 writes, lib/export/xlsx.ts, laid out as the samples): a first year in 明账 has no budget of
 * last year to take them from. Tables are found by their title, not their sheet name, so a
 * workbook renamed by hand is still read; amounts are 万元 there and 元 here.
 *
 *  - 按功能分类的支出, 基本支出, 项目支出: 一般公共预算财政拨款支出预算表 (T2: its 项 rows and 合计);
 *  - 机关运行经费: 公用经费 of 一般公共预算财政拨款基本支出预算表 (T3);
 *  - “三公”经费: the newest year's block of the “三公”经费 table.
 */
export type PriorYearResult = { ok: true; year: number | null; priorYear: NonNullable<BudgetPackage["priorYear"]> } | { ok: false; errors: PackageError[] };

type Row = (string | number | null)[];

function rowsOf(ws: ExcelJS.Worksheet): Row[] {
  const out: Row[] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    const cells: Row = [];
    for (let c = 1; c <= Math.max(row.cellCount, 1); c++) {
      let v = row.getCell(c).value as unknown;
      if (v && typeof v === "object" && "result" in v) v = (v as { result: unknown }).result;
      if (v && typeof v === "object" && "richText" in v) v = (v as { richText: { text: string }[] }).richText.map((t) => t.text).join("");
      cells.push(typeof v === "number" || typeof v === "string" ? v : null);
    }
    out[r - 1] = cells;
  });
  return out.map((r) => r ?? []);
}

const title = (rows: Row[]) =>
  rows
    .slice(0, 1)
    .flat()
    .filter((c) => typeof c === "string")
    .join(" ");
const yuan = (v: string | number | null | undefined): string | null => {
  if (v === null || v === undefined || v === "") return "0.00";
  const d = typeof v === "number" ? new Decimal(v) : /^-?[\d,]+(\.\d+)?$/.test(v.trim()) ? new Decimal(v.replace(/,/g, "")) : null;
  return d && !d.isNegative() ? d.times(10_000).toFixed(2) : null;
};
const isTotal = (c: unknown) => typeof c === "string" && /^合\s*计$/.test(c.trim());

export async function priorYearFromDisclosureWorkbook(data: Uint8Array | ArrayBuffer): Promise<PriorYearResult> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as ArrayBuffer);
  } catch {
    return { ok: false, errors: [{ path: "", message: "文件不是有效的 Excel 工作簿（.xlsx）" }] };
  }
  const sheets = wb.worksheets.map((ws) => ({ ws, rows: rowsOf(ws) })).map((s) => ({ ...s, title: title(s.rows) }));
  const find = (test: (t: string) => boolean) => sheets.find((s) => test(s.title));
  const errors: PackageError[] = [];
  const bad = (ws: ExcelJS.Worksheet, r: number, c: number, what: string) =>
    errors.push({ path: "", message: `${ws.name}!${String.fromCharCode(65 + c)}${r + 1}（${what}）：应为非负数字（万元）` });

  const general = find((t) => /一般公共预算(财政拨款)?支出(预算)?表/.test(t) && !/基本支出|三公/.test(t));
  const basicTable = find((t) => /一般公共预算(财政拨款)?基本支出(预算)?表/.test(t));
  const threePublic = find((t) => /三公/.test(t));
  const missing = [
    [general, "一般公共预算支出表"],
    [basicTable, "一般公共预算基本支出表"],
    [threePublic, "“三公”经费支出表"],
  ].filter(([s]) => !s);
  if (missing.length > 0) {
    return {
      ok: false,
      errors: missing.map(([, name]) => ({ path: "", message: `公开工作簿中没有找到${name as string}，请上传上年公开的部门预算 Excel（T1–T11）` })),
    };
  }

  const byFunction: Record<string, string> = {};
  let basic = "0.00";
  let project = "0.00";
  // A table with 上年 has one more column before 本年 总计/基本支出/项目支出: found by their headers.
  const headerCol = (rows: Row[], label: string, fallback: number) => {
    for (const row of rows.slice(0, 8)) {
      const i = row.findIndex((c) => typeof c === "string" && c.trim() === label);
      if (i >= 0) return i;
    }
    return fallback;
  };
  const basicCol = headerCol(general!.rows, "基本支出", 3);
  const projectCol = headerCol(general!.rows, "项目支出", 4);
  general!.rows.forEach((row, r) => {
    const first = row[0];
    if (isTotal(first)) {
      // 合计 spans the code and name columns: 总计, 基本支出, 项目支出 follow.
      const b = yuan(row[basicCol]);
      const p = yuan(row[projectCol]);
      if (b === null) bad(general!.ws, r, basicCol, "基本支出合计");
      else basic = b;
      if (p === null) bad(general!.ws, r, projectCol, "项目支出合计");
      else project = p;
      return;
    }
    const code = typeof first === "number" ? String(first) : typeof first === "string" ? first.trim() : "";
    if (!/^\d{7}$/.test(code)) return;
    const total = yuan(row[basicCol - 1]);
    if (total === null) bad(general!.ws, r, basicCol - 1, `${code} 总计`);
    else byFunction[code] = total;
  });

  let operatingFunds = "0.00";
  const publicCol = headerCol(basicTable!.rows, "公用经费", 4);
  basicTable!.rows.forEach((row, r) => {
    if (!isTotal(row[0])) return;
    const v = yuan(row[publicCol]);
    if (v === null) bad(basicTable!.ws, r, publicCol, "公用经费合计");
    else operatingFunds = v;
  });

  // The newest year's block of six columns: 合计, 因公出国（境）费, 小计, 购置费, 运行费, 接待费.
  let block = -1;
  let year: number | null = null;
  for (const row of threePublic!.rows.slice(0, 8))
    row.forEach((c, i) => {
      const m = typeof c === "string" ? c.match(/(\d{4})\s*年/) : null;
      if (m && /预算/.test(c as string) && (year === null || Number(m[1]) > year)) {
        year = Number(m[1]);
        block = i;
      }
    });
  const values = [...threePublic!.rows].reverse().find((row) => row.some((c) => typeof c === "number"));
  const tp = { abroad: "0.00", vehiclePurchase: "0.00", vehicleOperation: "0.00", reception: "0.00" };
  if (values && block >= 0) {
    const at = (k: number) => yuan(values[block + k]);
    for (const [key, k] of [
      ["abroad", 1],
      ["vehiclePurchase", 3],
      ["vehicleOperation", 4],
      ["reception", 5],
    ] as const) {
      const v = at(k);
      if (v === null) errors.push({ path: "", message: `“三公”经费表中${key}的金额应为非负数字（万元）` });
      else tp[key] = v;
    }
  } else if (block < 0) {
    errors.push({ path: "", message: "“三公”经费表中没有找到“××××年预算数”表头" });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, year, priorYear: { expenditureByFunction: byFunction, basic, project, threePublic: tp, operatingFunds } };
}
