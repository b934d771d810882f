import { CARRYOVER_FUNDS, FUNDS } from "@/lib/budget/package/schema";
import { finalLabelOf } from "@/lib/final/package/labels";
import { VEHICLE_TYPES } from "@/lib/final/package/schema";
import { SHEETS, type CellKind, type FormField, type FormSheet, type ListColumn, type ListSheet, type SheetLayout } from "./layout";

/**
 * The layout of a 决算's entry workbook: the same two kinds of sheet as a budget's (layout.ts),
 * read and written by the same code; only which sheet holds which part of the 决算 package differs.
 * Form labels are the 决算 package's own field names (lib/final/package/labels.ts), so a cell's
 * label and a message about its field agree.
 */

const THREE_PUBLIC = ["abroad", "vehiclePurchase", "vehicleOperation", "reception"] as const;
const COLUMNS = ["initial", "adjusted", "actual"] as const;
const COLUMN_LABELS = { initial: "年初预算数（元）", adjusted: "全年预算数（元）", actual: "决算数（元）" };

const field = (path: string, kind: CellKind, hint?: string): FormField => ({
  path,
  label: finalLabelOf(path.split(".")),
  kind,
  ...(hint ? { hint } : {}),
});
const amounts = (paths: string[]) => paths.map((p) => field(p, "amount"));
const texts = (paths: string[]) => paths.map((p) => field(p, "text"));
const columnList = (): ListColumn[] => COLUMNS.map((c) => ({ key: c, label: COLUMN_LABELS[c], kind: "amount", width: 16 }));

const selfIndicatorColumns: ListColumn[] = [
  { key: "project", label: "项目编码", kind: "required", width: 22 },
  { key: "level1", label: "一级指标", kind: "text", width: 14 },
  { key: "level2", label: "二级指标", kind: "text", width: 14 },
  { key: "name", label: "三级指标", kind: "required", width: 30 },
  { key: "unit", label: "计量单位", kind: "text", width: 10 },
  { key: "operator", label: "指标性质", kind: "operator", width: 10, list: "operator" },
  { key: "value", label: "年度指标值", kind: "text", width: 16 },
  { key: "weight", label: "指标权重", kind: "weight", width: 8 },
  { key: "core", label: "是否核心指标", kind: "bool", width: 12, list: "bool" },
  { key: "actual", label: "全年完成值", kind: "text", width: 16 },
  { key: "ratio", label: "完成比例（%）", kind: "weight", width: 12 },
  { key: "score", label: "指标得分", kind: "weight", width: 10 },
  { key: "reason", label: "未完成原因说明", kind: "text", width: 30 },
];

export const FINAL_SHEETS = {
  unit: {
    type: "form",
    name: "单位基本情况",
    fields: [
      { path: "region.code", label: "区划代码", kind: "code", locked: true },
      { path: "region.name", label: "区划名称", kind: "required" },
      { path: "unit.code", label: "部门编码", kind: "code", locked: true },
      { path: "unit.name", label: "部门名称", kind: "required" },
      ...texts(["unit.structure", "unit.composition"]),
      { path: "unit.contact.name", label: "决算公开联系人姓名", kind: "text" },
      { path: "unit.contact.phone", label: "决算公开联系人电话", kind: "text" },
    ],
  },
  functions: SHEETS.functions,
  subUnits: SHEETS.subUnits,
  income: {
    type: "list",
    name: "收入",
    columns: [
      { key: "function", label: "功能分类科目编码", kind: "code", width: 16, list: "function" },
      { key: "functionName", label: "功能分类科目名称", kind: "derived", width: 28 },
      { key: "fund", label: "收入来源", kind: "fund", width: 20, list: "fund" },
      { key: "amount", label: "决算数（元）", kind: "amount", width: 16 },
    ],
  },
  carryover: {
    type: "form",
    name: "结转结余",
    fields: amounts(["opening", "closing"].flatMap((w) => CARRYOVER_FUNDS.map((f) => `carryover.${w}.${f}`))),
  },
  basic: {
    type: "list",
    name: "基本支出",
    columns: [
      { key: "function", label: "功能分类科目编码", kind: "code", width: 16, list: "function" },
      { key: "functionName", label: "功能分类科目名称", kind: "derived", width: 28 },
      { key: "economic", label: "经济分类科目编码", kind: "code", width: 16, list: "economic" },
      { key: "economicName", label: "经济分类科目名称", kind: "derived", width: 24 },
      { key: "fund", label: "资金来源", kind: "fund", width: 20, list: "fund" },
      ...columnList(),
    ],
  },
  projects: {
    type: "list",
    name: "项目",
    columns: [
      { key: "code", label: "项目编码", kind: "required", width: 22 },
      { key: "name", label: "项目名称", kind: "required", width: 30 },
      { key: "subUnit", label: "实施单位编码", kind: "code", width: 14 },
      { key: "function", label: "功能分类科目编码", kind: "code", width: 16, list: "function" },
      { key: "functionName", label: "功能分类科目名称", kind: "derived", width: 24 },
      { key: "economic", label: "经济分类科目编码", kind: "code", width: 16, list: "economic" },
      { key: "fund", label: "资金来源", kind: "fund", width: 20, list: "fund" },
      ...columnList(),
      // The self-evaluation's fields, flattened into the project's row (dotted keys).
      { key: "selfEvaluation.department", label: "自评：业务主管部门", kind: "text", width: 20 },
      { key: "selfEvaluation.implementer", label: "自评：实施单位", kind: "text", width: 20 },
      { key: "selfEvaluation.contact", label: "自评：联系人及电话", kind: "text", width: 20 },
      { key: "selfEvaluation.budget.superior", label: "自评：全年预算数 上级资金（元）", kind: "amount", width: 16 },
      { key: "selfEvaluation.budget.local", label: "自评：全年预算数 本级资金（元）", kind: "amount", width: 16 },
      { key: "selfEvaluation.actual.superior", label: "自评：全年执行数 上级资金（元）", kind: "amount", width: 16 },
      { key: "selfEvaluation.actual.local", label: "自评：全年执行数 本级资金（元）", kind: "amount", width: 16 },
      { key: "selfEvaluation.goal", label: "自评：年度绩效目标", kind: "text", width: 40 },
      { key: "selfEvaluation.outcome", label: "自评：全年目标实际完成情况", kind: "text", width: 40 },
    ],
  },
  indicators: { type: "list", name: "自评指标", columns: selfIndicatorColumns },
  threePublic: {
    type: "form",
    name: "三公",
    fields: [
      ...amounts(THREE_PUBLIC.flatMap((k) => COLUMNS.map((c) => `threePublic.${k}.${c}`))),
      ...[
        "abroadGroups",
        "abroadPeople",
        "vehiclesPurchased",
        "vehiclesHeld",
        "domesticBatches",
        "domesticPeople",
        "foreignAffairsBatches",
        "foreignAffairsPeople",
        "overseasBatches",
        "overseasPeople",
      ].map((k) => field(`threePublic.quantities.${k}`, "count", "个数")),
    ],
  },
  other: {
    type: "form",
    name: "其他",
    fields: [
      ...amounts(["meetings", "training"]),
      field("assets.asOf", "text", "如 2020-12-31"),
      ...VEHICLE_TYPES.map((t) => field(`assets.vehicles.${t}`, "count", "辆")),
      field("assets.generalEquipmentOver50", "count", "台（套）"),
      field("assets.specialEquipmentOver100", "count", "台（套）"),
      ...amounts(["goods", "works", "services", "smallMedium", "micro"].map((k) => `procurement.${k}`)),
      field("performance.evaluatedProjects", "count", "个"),
      field("performance.evaluatedFunds", "amount"),
      ...texts(["performance.keyEvaluation", "performance.summary"]),
    ],
  },
  reasons: {
    type: "form",
    name: "说明理由",
    fields: [
      ...texts(["total", "income", "expenditure", "closing", "fiscal"].map((k) => `reasons.${k}`)),
      ...texts(["generalBudgetIncome", "generalBudgetExpenditure"].flatMap((k) => [`reasons.${k}.prior`, `reasons.${k}.initial`])),
      ...texts(["generalBudgetClosing", "personnel", "public", "governmentFundIncome", "governmentFundExpenditure"].map((k) => `reasons.${k}`)),
      ...texts(["total", ...THREE_PUBLIC].flatMap((k) => [`reasons.threePublic.${k}.prior`, `reasons.threePublic.${k}.initial`])),
      ...texts(["operatingFunds", "meetings", "training"].map((k) => `reasons.${k}`)),
      ...texts(["personnel", "public", ...THREE_PUBLIC, "operatingFunds", "procurement"].map((k) => `usages.${k}`)),
    ],
  },
  reasonsByClass: {
    type: "list",
    name: "分类说明",
    columns: [
      { key: "class", label: "功能分类科目（类）编码", kind: "code", width: 18 },
      { key: "text", label: "增减变化原因", kind: "text", width: 80 },
    ],
  },
  prior: {
    type: "form",
    name: "上年",
    fields: [
      ...amounts(["income", "expenditure", "opening", "closing"].flatMap((w) => FUNDS.map((f) => `priorYear.${w}.${f}`))),
      ...amounts(["personnel", "public", "operatingFunds", "meetings", "training"].map((k) => `priorYear.${k}`)),
      ...amounts(THREE_PUBLIC.map((k) => `priorYear.threePublic.${k}`)),
    ],
  },
} satisfies Record<string, SheetLayout>;

/** Sheets in the order the workbook shows them (after 说明). */
export const FINAL_SHEET_ORDER: (FormSheet | ListSheet)[] = [
  FINAL_SHEETS.unit,
  FINAL_SHEETS.functions,
  FINAL_SHEETS.subUnits,
  FINAL_SHEETS.income,
  FINAL_SHEETS.carryover,
  FINAL_SHEETS.basic,
  FINAL_SHEETS.projects,
  FINAL_SHEETS.indicators,
  FINAL_SHEETS.threePublic,
  FINAL_SHEETS.other,
  FINAL_SHEETS.reasons,
  FINAL_SHEETS.reasonsByClass,
  FINAL_SHEETS.prior,
];
