import type { Trace } from "./types";

export const SOURCE_LABELS: Record<string, string> = {
  basic: "基本支出",
  project: "项目支出",
  income: "收入",
  carryover: "上年结转",
  prior: "上年预算数",
  threePublic: "“三公”经费",
  procurement: "政府采购",
  closing: "年末结转和结余",
  meetings: "会议费",
  training: "培训费",
  performance: "绩效自评",
};

function cell(v: string): string {
  // A leading = + - @ would make a spreadsheet evaluate the text (CSV injection); amounts are
  // written as plain numbers, so only text fields are guarded.
  const guarded = /^[=+@]/.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** The lines of a trace as CSV (UTF-8 with BOM so that Excel reads the Chinese), then the sum and the printed figure. */
export function traceCsv(t: Trace, labels: Record<string, string> = SOURCE_LABELS): string {
  const rows: string[][] = [["来源", "说明", "功能分类", "经济分类", "资金来源", "项目编码", "金额（元）"]];
  for (const l of t.lines) {
    rows.push([labels[l.source] ?? l.source, l.label, l.function ?? "", l.economic ?? "", l.fund ?? "", l.project ?? "", l.amount]);
  }
  rows.push(["合计（元）", "", "", "", "", "", t.sum]);
  rows.push(["印刷数（万元）", t.label, "", "", "", "", t.value]);
  return "\uFEFF" + rows.map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}
