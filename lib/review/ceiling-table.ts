import Decimal from "decimal.js";
import { FUNDS, type Fund } from "@/lib/budget/model";
import { FUND_LABELS } from "@/lib/budget/package/labels";
import type { CeilingKind } from "@/lib/budget/ceilings";

/** A grid of cell texts with Chinese names of its cells (lib/admin/catalog-table.ts builds them from CSV and Excel). */
export interface CellGrid {
  rows: string[][];
  where(row: number, col: number): string;
  whereRow(row: number): string;
}

/** One 控制数 as entered or imported: amount in 元 (two decimals). */
export interface CeilingEntry {
  departmentCode: string;
  fund: Fund;
  kind: CeilingKind;
  projectCode: string;
  amount: string;
}

export const CEILING_COLUMNS = ["部门编码", "资金来源", "支出类别", "项目编码", "控制数（万元）"] as const;

/** 一般公共预算, 一般公共预算拨款, generalBudget: the words a bureau's sheet uses for a fund. */
export function parseFund(text: string): Fund | null {
  const t = text.trim();
  if ((FUNDS as readonly string[]).includes(t)) return t as Fund;
  for (const f of FUNDS) {
    const label = FUND_LABELS[f];
    if (t === label || t === label.replace(/拨款$/, "") || t === label.replace(/预算拨款$/, "")) return f;
  }
  return null;
}

export function parseKind(text: string): CeilingKind | null {
  const t = text.trim();
  if (t === "基本支出" || t === "基本" || t === "basic") return "basic";
  if (t === "项目支出" || t === "项目" || t === "project") return "project";
  return null;
}

const WAN = /^(0|[1-9]\d{0,11})(\.\d{1,6})?$/;

/** 万元 as typed ("1,234.56") → 元 with two decimals; null when it is not an amount to the fen. */
export function parseWanToYuan(text: string): string | null {
  const t = text.trim().replace(/,/g, "");
  if (!WAN.test(t)) return null;
  const yuan = new Decimal(t).times(10_000);
  return yuan.decimalPlaces() > 2 ? null : yuan.toFixed(2);
}

/**
 * Reads an imported 控制数 table: a header row naming the columns (部门编码, 资金来源, 支出类别,
 * 项目编码 optional, 控制数（万元）), then one ceiling a row. Every bad cell is reported by its
 * name (工作表“控制数”第 3 行 C3 单元格：…), so the bureau fixes the file in one go.
 */
export function readCeilingGrid(grid: CellGrid, departmentCodes: ReadonlySet<string>): { rows: CeilingEntry[]; errors: string[] } {
  const rows = grid.rows.map((r) => r.map((c) => (c ?? "").trim()));
  const headerAt = rows.findIndex((r) => r.some((c) => c !== ""));
  if (headerAt < 0) return { rows: [], errors: ["文件为空"] };
  const header = rows[headerAt]!;
  const col = (...names: string[]) => header.findIndex((h) => names.some((n) => h.replace(/\s/g, "").startsWith(n)));
  const at = {
    department: col("部门编码"),
    fund: col("资金来源", "资金性质"),
    kind: col("支出类别", "类别"),
    project: col("项目编码"),
    amount: col("控制数", "金额"),
  };
  const missing = [
    ["部门编码", at.department],
    ["资金来源", at.fund],
    ["支出类别", at.kind],
    ["控制数（万元）", at.amount],
  ].filter(([, i]) => i === -1);
  if (missing.length > 0) return { rows: [], errors: [`${grid.whereRow(headerAt)}（表头）缺少列：${missing.map(([n]) => n).join("、")}`] };

  const out: CeilingEntry[] = [];
  const errors: string[] = [];
  const seen = new Map<string, number>();
  for (let r = headerAt + 1; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.every((c) => c === "")) continue;
    const cell = (i: number) => (i >= 0 ? (row[i] ?? "") : "");
    const problems: string[] = [];
    const department = cell(at.department);
    if (!department) problems.push(`${grid.where(r, at.department)}：请填写部门编码`);
    else if (!departmentCodes.has(department)) problems.push(`${grid.where(r, at.department)}：本区没有编码为“${department}”的部门`);
    const fund = parseFund(cell(at.fund));
    if (!fund) problems.push(`${grid.where(r, at.fund)}：资金来源“${cell(at.fund)}”无法识别（如：一般公共预算、政府性基金预算）`);
    const kind = parseKind(cell(at.kind));
    if (!kind) problems.push(`${grid.where(r, at.kind)}：支出类别应为“基本支出”或“项目支出”`);
    const projectCode = cell(at.project);
    if (projectCode && kind === "basic") problems.push(`${grid.where(r, at.project)}：只有项目支出可以按项目下达控制数`);
    const amount = parseWanToYuan(cell(at.amount));
    if (amount === null) problems.push(`${grid.where(r, at.amount)}：控制数“${cell(at.amount)}”不是以万元计的金额（最多六位小数，不能为负）`);
    if (problems.length > 0) {
      errors.push(...problems);
      continue;
    }
    const key = `${department}|${fund}|${kind}|${projectCode}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push(`${grid.whereRow(r)}：与${grid.whereRow(first)}重复（同一部门、资金来源、支出类别和项目）`);
      continue;
    }
    seen.set(key, r);
    out.push({ departmentCode: department, fund: fund!, kind: kind!, projectCode, amount: amount! });
  }
  if (out.length === 0 && errors.length === 0) errors.push("文件中没有控制数");
  return { rows: out, errors };
}
