import ExcelJS from "exceljs";
import { STATUS_LABELS } from "@/lib/budget/status";
import type { DistrictDashboard } from "./load-district-dashboard";

const AMOUNT_FORMAT = "#,##0.00";

const COLUMNS: { header: string; width: number; amount?: boolean }[] = [
  { header: "部门编码", width: 10 },
  { header: "部门名称", width: 34 },
  { header: "状态", width: 10 },
  { header: "支出合计（万元）", width: 16, amount: true },
  { header: "比上年增减（万元）", width: 16, amount: true },
  { header: "基本支出（万元）", width: 16, amount: true },
  { header: "项目支出（万元）", width: 16, amount: true },
  { header: "“三公”经费（万元）", width: 16, amount: true },
  { header: "“三公”比上年增减（万元）", width: 18, amount: true },
  { header: "错误", width: 8 },
  { header: "提示", width: 8 },
  { header: "报送天数", width: 10 },
  { header: "公开期限", width: 12 },
  { header: "逾期", width: 8 },
];

/**
 * Amounts go to Excel as numbers so that the sheet can be summed: a 万元 figure with two
 * decimals (at most 15 significant digits) survives the conversion to Excel's double exactly as
 * printed. The 区级汇总 row carries the decimal sum computed by lib/review, not a formula.
 */
const amount = (s: string | null) => (s === null ? null : Number(s));

/** The district dashboard as an .xlsx file: one row per department, 区级汇总 at the bottom. */
export async function districtWorkbook(d: DistrictDashboard): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "明账";
  const ws = wb.addWorksheet(`${d.year}年区级汇总`);
  ws.columns = COLUMNS.map((c) => ({ width: c.width }));
  // Strings become text cells, never evaluated (see lib/export/xlsx.ts): no apostrophe needed.
  const title = ws.addRow([`${d.region.name}（${d.region.code}）${d.year} 年部门预算审核汇总`]);
  title.font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, COLUMNS.length);
  const head = ws.addRow(COLUMNS.map((c) => c.header));
  head.font = { bold: true };

  for (const r of d.rows) {
    ws.addRow([
      r.code,
      r.name,
      r.status ? STATUS_LABELS[r.status] : "未报送",
      amount(r.total),
      amount(r.totalChange),
      amount(r.basic),
      amount(r.project),
      amount(r.threePublic),
      amount(r.threePublicChange),
      r.errors,
      r.warnings,
      r.daysSinceSubmission,
      r.deadline?.deadline ?? null,
      r.deadline ? (r.deadline.overdue ? "是" : "否") : null,
    ]);
  }
  const t = d.totals;
  const total = ws.addRow([
    "",
    `区级汇总（${t.departments} 个部门）`,
    "",
    amount(t.amounts.total),
    amount(t.amounts.totalChange),
    amount(t.amounts.basic),
    amount(t.amounts.project),
    amount(t.amounts.threePublic),
    amount(t.amounts.threePublicChange),
    t.errors,
    t.warnings,
    null,
    null,
    t.overdue > 0 ? `${t.overdue} 个` : null,
  ]);
  total.font = { bold: true };
  COLUMNS.forEach((c, i) => {
    if (c.amount) ws.getColumn(i + 1).numFmt = AMOUNT_FORMAT;
  });
  ws.views = [{ state: "frozen", ySplit: 2 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
