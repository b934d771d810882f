/**
 * The layout of the entry workbook (录入工作簿): which sheet holds which part of a budget
 * package, in which column. Writer and reader both follow this one description, so a cell the
 * writer fills is the cell the reader reads and the cell an error points at.
 *
 * Two kinds of sheet:
 *  - a form: one field a row (label in A, value in B, hint in C, the package path in hidden D);
 *  - a list: one item a row under a locked header row (row 1), one field a column.
 */

export const ENTRY_WORKBOOK_FORMAT = "mingzhang-entry-workbook/1";

/** How a cell's value becomes a package value. */
export type CellKind =
  | "text" // optional free text; an empty cell is absent
  | "required" // text that must be there (names)
  | "code" // digit codes, kept as text so leading zeros survive
  | "amount" // 元, a number in the cell
  | "count" // a whole number (vehicles)
  | "weight" // a percentage written as in the package ("30", "12.5")
  | "fund" // 资金来源, shown by its Chinese name
  | "bool" // 是 / 否
  | "operator" // 指标性质
  | "tier" // 一级项目 / 二级项目
  | "category" // 采购类别
  | "tables" // 公开的表, "T1,T2,…"
  | "derived"; // shown for reading only (a subject's name), never read back

export interface FormField {
  path: string;
  label: string;
  kind: CellKind;
  hint?: string;
  /** Bound to the budget (region and unit codes): shown, not editable. */
  locked?: boolean;
}

export interface ListColumn {
  key: string;
  label: string;
  kind: CellKind;
  width: number;
  /** Which list of the catalogue sheet validates the column. */
  list?: ValidationList;
}

export type ValidationList = "function" | "economic" | "fund" | "bool" | "operator" | "tier" | "category";

export interface FormSheet {
  type: "form";
  name: string;
  fields: FormField[];
}

export interface ListSheet {
  type: "list";
  name: string;
  columns: ListColumn[];
}

export type SheetLayout = FormSheet | ListSheet;

const amountFields = (prefix: string, labels: Record<string, string>, hint?: string): FormField[] =>
  Object.entries(labels).map(([k, label]) => ({ path: `${prefix}.${k}`, label, kind: "amount" as const, ...(hint ? { hint } : {}) }));

const FUND_NAMES = {
  generalBudget: "一般公共预算拨款",
  governmentFund: "政府性基金预算拨款",
  stateCapital: "国有资本经营预算拨款",
  specialAccount: "财政专户管理资金",
  operations: "事业收入",
  superiorSubsidy: "上级补助收入",
  subordinateRemit: "附属单位上缴收入",
  business: "事业单位经营收入",
  other: "其他收入",
};
const THREE_PUBLIC = { abroad: "因公出国（境）费", vehiclePurchase: "公务用车购置费", vehicleOperation: "公务用车运行维护费", reception: "公务接待费" };
const VEHICLES = { general: "一般公务用车", lawEnforcement: "执勤执法用车", other: "其他用车" };

const indicatorColumns: ListColumn[] = [
  { key: "level1", label: "一级指标", kind: "text", width: 14 },
  { key: "level2", label: "二级指标", kind: "text", width: 14 },
  { key: "name", label: "三级指标", kind: "required", width: 30 },
  { key: "unit", label: "计量单位", kind: "text", width: 10 },
  { key: "operator", label: "指标性质", kind: "operator", width: 10, list: "operator" },
  { key: "value", label: "指标值", kind: "text", width: 16 },
  { key: "weight", label: "权重", kind: "weight", width: 8 },
  { key: "core", label: "是否核心指标", kind: "bool", width: 12, list: "bool" },
];

export const SHEETS = {
  unit: {
    type: "form",
    name: "单位基本情况",
    fields: [
      { path: "region.code", label: "区划代码", kind: "code", locked: true },
      { path: "region.name", label: "区划名称", kind: "required" },
      { path: "unit.code", label: "部门编码", kind: "code", locked: true },
      { path: "unit.name", label: "部门名称", kind: "required" },
      { path: "unit.structure", label: "单位构成", kind: "text" },
      { path: "unit.performanceOffice", label: "归口管理科室", kind: "text" },
      { path: "unit.contact.name", label: "公开联系人姓名", kind: "text" },
      { path: "unit.contact.phone", label: "公开联系人电话", kind: "text" },
      { path: "disclosure.tables", label: "公开的表", kind: "tables", hint: "留空则按本地区的表目录；如只公开部分表，填写表号，以逗号分隔，如 T1,T2,T3" },
    ],
  },
  functions: { type: "list", name: "职能职责", columns: [{ key: "text", label: "职能职责（每行一条）", kind: "required", width: 100 }] },
  subUnits: {
    type: "list",
    name: "所属单位",
    columns: [
      { key: "code", label: "单位编码", kind: "code", width: 14 },
      { key: "name", label: "单位名称", kind: "required", width: 40 },
    ],
  },
  income: {
    type: "form",
    name: "收入",
    fields: [
      ...amountFields("income", FUND_NAMES, "本年收入预算，元"),
      ...amountFields(
        "income.carryover",
        { generalBudget: "上年结转：一般公共预算拨款", governmentFund: "上年结转：政府性基金预算拨款", stateCapital: "上年结转：国有资本经营预算拨款" },
        "元",
      ),
    ],
  },
  basic: {
    type: "list",
    name: "基本支出",
    columns: [
      { key: "function", label: "功能分类科目编码", kind: "code", width: 16, list: "function" },
      { key: "functionName", label: "功能分类科目名称", kind: "derived", width: 28 },
      { key: "economic", label: "经济分类科目编码", kind: "code", width: 16, list: "economic" },
      { key: "economicName", label: "经济分类科目名称", kind: "derived", width: 24 },
      { key: "amount", label: "金额（元）", kind: "amount", width: 16 },
      { key: "fund", label: "资金来源", kind: "fund", width: 20, list: "fund" },
    ],
  },
  projects: {
    type: "list",
    name: "项目",
    columns: [
      { key: "code", label: "项目编码", kind: "required", width: 22 },
      { key: "name", label: "项目名称", kind: "required", width: 30 },
      { key: "tier", label: "项目层级", kind: "tier", width: 10, list: "tier" },
      { key: "program", label: "所属一级项目编码", kind: "text", width: 22 },
      { key: "subUnit", label: "编制单位编码", kind: "code", width: 14 },
      { key: "function", label: "功能分类科目编码", kind: "code", width: 16, list: "function" },
      { key: "functionName", label: "功能分类科目名称", kind: "derived", width: 24 },
      { key: "economic", label: "经济分类科目编码", kind: "code", width: 16, list: "economic" },
      { key: "fund", label: "资金来源", kind: "fund", width: 20, list: "fund" },
      { key: "amount", label: "当年预算（元）", kind: "amount", width: 16 },
      { key: "ownArrangement", label: "本级安排（元）", kind: "amount", width: 16 },
      { key: "superiorSubsidy", label: "上级补助（元）", kind: "amount", width: 16 },
      { key: "category", label: "项目分类", kind: "text", width: 14 },
      { key: "owner", label: "项目负责人及联系电话", kind: "text", width: 20 },
      { key: "summary", label: "项目概述", kind: "text", width: 40 },
      { key: "basis", label: "立项依据", kind: "text", width: 40 },
      { key: "goal", label: "当年绩效目标", kind: "text", width: 40 },
      { key: "executionRateWeight", label: "预算执行率权重", kind: "weight", width: 12 },
      { key: "disclose", label: "是否公开绩效目标表", kind: "bool", width: 12, list: "bool" },
    ],
  },
  indicators: {
    type: "list",
    name: "绩效指标",
    columns: [{ key: "project", label: "项目编码", kind: "required", width: 22 }, ...indicatorColumns],
  },
  threePublic: { type: "form", name: "三公", fields: amountFields("threePublic", THREE_PUBLIC, "元") },
  procurement: {
    type: "list",
    name: "采购",
    columns: [
      { key: "category", label: "采购类别", kind: "category", width: 12, list: "category" },
      { key: "fund", label: "资金来源", kind: "fund", width: 20, list: "fund" },
      { key: "amount", label: "金额（元）", kind: "amount", width: 16 },
    ],
  },
  assets: {
    type: "form",
    name: "资产",
    fields: [
      { path: "assets.asOf", label: "截至年月", kind: "text", hint: "如 2023-12" },
      ...Object.entries(VEHICLES).map(([k, label]) => ({ path: `assets.vehicles.${k}`, label: `现有车辆：${label}`, kind: "count" as const, hint: "辆" })),
      ...Object.entries(VEHICLES).map(([k, label]) => ({
        path: `assets.plannedPurchase.${k}`,
        label: `当年安排购置：${label}`,
        kind: "count" as const,
        hint: "辆",
      })),
    ],
  },
  performance: { type: "form", name: "整体绩效", fields: [{ path: "performance.goal", label: "当年整体绩效目标", kind: "text" }] },
  performanceIndicators: { type: "list", name: "整体绩效指标", columns: indicatorColumns },
  narrative: {
    type: "form",
    name: "说明理由",
    fields: [
      { path: "narrative.incomeChange", label: "收入增减原因", kind: "text" },
      { path: "narrative.expenditureChange", label: "支出增减原因", kind: "text" },
      { path: "narrative.basicChange", label: "基本支出增减原因", kind: "text" },
      { path: "narrative.basicUsage", label: "基本支出主要用途", kind: "text" },
      { path: "narrative.projectChange", label: "项目支出增减原因", kind: "text" },
      { path: "narrative.projectUsage", label: "项目支出主要用途", kind: "text" },
      ...Object.entries(THREE_PUBLIC).map(([k, label]) => ({ path: `narrative.threePublic.${k}`, label: `“三公”增减原因：${label}`, kind: "text" as const })),
      { path: "narrative.operatingFundsChange", label: "机关运行经费增减原因", kind: "text" },
      { path: "narrative.operatingFundsUsage", label: "机关运行经费主要用途", kind: "text" },
      { path: "narrative.glossary", label: "专业性名词解释", kind: "text", hint: "留空则用标准表述" },
    ],
  },
  prior: {
    type: "form",
    name: "上年",
    fields: [
      { path: "priorYear.basic", label: "上年基本支出", kind: "amount", hint: "元；首年整张表留空" },
      { path: "priorYear.project", label: "上年项目支出", kind: "amount", hint: "元" },
      { path: "priorYear.operatingFunds", label: "上年机关运行经费", kind: "amount", hint: "元" },
      ...amountFields("priorYear.threePublic", Object.fromEntries(Object.entries(THREE_PUBLIC).map(([k, v]) => [k, `上年${v}`])), "元"),
    ],
  },
  priorByFunction: {
    type: "list",
    name: "上年功能分类",
    columns: [
      { key: "function", label: "功能分类科目编码（上年）", kind: "code", width: 18 },
      { key: "functionName", label: "功能分类科目名称", kind: "derived", width: 30 },
      { key: "amount", label: "上年一般公共预算支出（元）", kind: "amount", width: 20 },
    ],
  },
} satisfies Record<string, SheetLayout>;

export const GUIDE_SHEET = "说明";
export const CATALOGUE_SHEET = "目录";
export const STAMP_SHEET = "版本";

/** Sheets in the order the workbook shows them (after 说明). */
export const SHEET_ORDER: SheetLayout[] = [
  SHEETS.unit,
  SHEETS.functions,
  SHEETS.subUnits,
  SHEETS.income,
  SHEETS.basic,
  SHEETS.projects,
  SHEETS.indicators,
  SHEETS.threePublic,
  SHEETS.procurement,
  SHEETS.assets,
  SHEETS.performance,
  SHEETS.performanceIndicators,
  SHEETS.narrative,
  SHEETS.prior,
  SHEETS.priorByFunction,
];

/** Rows of a list sheet open for entry (validation and unlocked cells reach this far). */
export const LIST_ROWS = 3000;

export const FUND_LABEL = FUND_NAMES;
export const BOOL_LABELS = { true: "是", false: "否" } as const;
export const TIER_LABELS = { program: "一级项目", project: "二级项目" } as const;

/** Excel column letters of a 1-based column number. */
export function columnLetter(n: number): string {
  let s = "";
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}
