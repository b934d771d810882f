import Decimal from "decimal.js";
import type { Catalog } from "@/lib/catalog/catalog";
import type { FinalPackage } from "@/lib/final/package/schema";
import { FINAL_SHEET_ORDER, FINAL_SHEETS } from "./final-layout";
import type { SheetLayout } from "./layout";
import { assembleWorkbook, get, stampFor, stampLabel, subjectNames, type Value, type WorkbookStamp } from "./write-entry-workbook";

/** An amount of the package as 元 (the workbook's one unit). */
const toYuan = (unit: FinalPackage["amountUnit"]) => (s: unknown) =>
  typeof s === "string" && unit === "万元" ? new Decimal(s).times(10_000).toFixed() : (s as Value);

function set(obj: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split(".");
  let cur = obj;
  for (const k of keys.slice(0, -1)) {
    if (typeof cur[k] !== "object" || cur[k] === null) cur[k] = {};
    cur = cur[k] as Record<string, unknown>;
  }
  cur[keys[keys.length - 1]!] = value;
}

/** A list item as its row: nested fields under their dotted keys, amounts in 元. */
function rowOf(sheet: SheetLayout, item: object, yuan: (s: unknown) => Value): Record<string, Value> {
  if (sheet.type !== "list") return {};
  const out: Record<string, Value> = {};
  for (const c of sheet.columns) {
    const v = get(item, c.key);
    out[c.key] = c.kind === "amount" ? yuan(v) : (v as Value);
  }
  return out;
}

/**
 * A 决算 package as its entry workbook (amounts in 元), with the budget workbook's sheets,
 * lists, locks and stamp (write-entry-workbook.ts) on the 决算 layout (final-layout.ts).
 */
export async function writeFinalWorkbook(
  pkg: FinalPackage,
  options: { stamp: Pick<WorkbookStamp, "budgetId" | "version">; catalog?: Catalog },
): Promise<Buffer> {
  const stamp = stampFor("final", pkg, options.stamp);
  const yuan = toYuan(pkg.amountUnit);
  // The form sheets read the package by path: one copy with every form amount in 元.
  const forms: Record<string, unknown> = structuredClone(pkg) as unknown as Record<string, unknown>;
  for (const sheet of FINAL_SHEET_ORDER) {
    if (sheet.type !== "form") continue;
    for (const f of sheet.fields) if (f.kind === "amount" && get(forms, f.path) !== undefined) set(forms, f.path, yuan(get(forms, f.path)));
  }
  const { fname, ename } = subjectNames(options.catalog);
  const rows = (sheet: SheetLayout, items: object[] | undefined) => (items ?? []).map((i) => rowOf(sheet, i, yuan));
  const rowsOf: Record<string, Record<string, Value>[]> = {
    [FINAL_SHEETS.functions.name]: (pkg.unit.functions ?? []).map((text) => ({ text })),
    [FINAL_SHEETS.subUnits.name]: (pkg.unit.subUnits ?? []).map((s) => ({ ...s })),
    [FINAL_SHEETS.income.name]: rows(FINAL_SHEETS.income, pkg.income).map((r) => ({ ...r, functionName: fname(String(r.function)) })),
    [FINAL_SHEETS.basic.name]: rows(FINAL_SHEETS.basic, pkg.basicExpenditure).map((r) => ({
      ...r,
      functionName: fname(String(r.function)),
      economicName: ename(r.economic as string | undefined),
    })),
    [FINAL_SHEETS.projects.name]: rows(FINAL_SHEETS.projects, pkg.projects).map((r) => ({ ...r, functionName: fname(String(r.function)) })),
    [FINAL_SHEETS.indicators.name]: (pkg.projects ?? []).flatMap((p) =>
      (p.selfEvaluation?.indicators ?? []).map((i) => ({ ...rowOf(FINAL_SHEETS.indicators, i, yuan), project: p.code })),
    ),
    [FINAL_SHEETS.reasonsByClass.name]: Object.entries(pkg.reasons?.byClass ?? {}).map(([k, text]) => ({ class: k, text })),
  };

  const guide = [
    `${pkg.unit.name} ${pkg.year} 年部门决算录入工作簿（${stampLabel(stamp)}）`,
    "",
    "怎样填写",
    `1. 每张工作表对应决算的一部分：${FINAL_SHEET_ORDER.map((s) => s.name).join("、")}。`,
    "2. 只填黄色底纹的单元格和列表中的行；第 1 行是表头，已锁定，请勿修改。列表可在表头下方逐行填写、插入或删除行。",
    "3. 金额一律以“元”为单位，填写数字（最多两位小数），不要填写文字、单位或负数；空白即为 0。年初预算数、全年预算数（调整预算数，空白即等于年初预算数）、决算数各占一列。",
    "4. 基本支出每行是一个“功能分类科目（项）× 经济分类科目（款）× 资金来源”；科目编码和资金来源可从下拉列表选择，科目名称列仅供参考，不会被读取。",
    "5. 项目的绩效自评填在“项目”表该项目所在行的“自评”各列，自评指标填在“自评指标”表，每行写明所属项目编码。",
    "6. 填好后在明账决算的“导入与下载”页上传本工作簿：系统先显示将修改的内容，确认后才保存；有任何问题时会逐条列出工作表、单元格和字段，全部改正前不会保存任何内容。",
    "7. 本工作簿只能上传到下载它的决算；决算在下载后又被修改过（版本变化）时，请重新下载。",
  ];
  return assembleWorkbook({ stamp, guide, order: FINAL_SHEET_ORDER, forms, rowsOf, catalog: options.catalog });
}
