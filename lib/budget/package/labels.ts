/**
 * Chinese labels of every field of budget-package/1, keyed by the field's path with `[]`
 * standing for any array index ("projects[].amount"). One map for the schema's error
 * messages, the rules' findings and, later, the labels of the web forms, so a field is named
 * the same way everywhere an accountant meets it.
 */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  format: "格式标记",
  kind: "类型",
  year: "预算年度",
  amountUnit: "金额单位",
  region: "行政区划",
  "region.code": "区划代码",
  "region.name": "区划名称",

  unit: "预算部门",
  "unit.code": "部门编码",
  "unit.name": "部门名称",
  "unit.functions": "职能职责",
  "unit.functions[]": "职能职责条目",
  "unit.structure": "单位构成",
  "unit.subUnits": "所属单位",
  "unit.subUnits[].code": "单位编码",
  "unit.subUnits[].name": "单位名称",
  "unit.performanceOffice": "归口管理科室",
  "unit.contact": "部门预算公开联系人",
  "unit.contact.name": "姓名",
  "unit.contact.phone": "联系电话",

  income: "收入预算",
  "income.generalBudget": "一般公共预算拨款",
  "income.governmentFund": "政府性基金预算拨款",
  "income.stateCapital": "国有资本经营预算拨款",
  "income.specialAccount": "财政专户管理资金",
  "income.operations": "事业收入",
  "income.superiorSubsidy": "上级补助收入",
  "income.subordinateRemit": "附属单位上缴收入",
  "income.business": "事业单位经营收入",
  "income.other": "其他收入",
  "income.carryover": "上年结转",
  "income.carryover.generalBudget": "一般公共预算拨款",
  "income.carryover.governmentFund": "政府性基金预算拨款",
  "income.carryover.stateCapital": "国有资本经营预算拨款",

  basicExpenditure: "基本支出",
  "basicExpenditure[].function": "功能分类科目",
  "basicExpenditure[].economic": "经济分类科目",
  "basicExpenditure[].amount": "金额",
  "basicExpenditure[].fund": "资金来源",

  projects: "项目支出",
  "projects[].code": "项目编码",
  "projects[].name": "项目名称",
  "projects[].subUnit": "编制单位",
  "projects[].function": "功能分类科目",
  "projects[].economic": "经济分类科目",
  "projects[].fund": "资金来源",
  "projects[].amount": "当年预算",
  "projects[].ownArrangement": "本级安排",
  "projects[].superiorSubsidy": "上级补助",
  "projects[].category": "项目分类",
  "projects[].owner": "项目负责人及联系电话",
  "projects[].summary": "项目概述",
  "projects[].basis": "立项依据",
  "projects[].goal": "当年绩效目标",
  "projects[].executionRateWeight": "预算执行率权重",
  "projects[].disclose": "是否公开绩效目标表",
  "projects[].indicators": "绩效指标",
  "projects[].tier": "项目层级",
  "projects[].program": "所属一级项目",

  "indicators[].level1": "一级指标",
  "indicators[].level2": "二级指标",
  "indicators[].name": "三级指标",
  "indicators[].unit": "计量单位",
  "indicators[].operator": "指标性质",
  "indicators[].value": "指标值",
  "indicators[].weight": "权重",
  "indicators[].core": "是否核心指标",

  threePublic: "“三公”经费",
  "threePublic.abroad": "因公出国（境）费",
  "threePublic.vehiclePurchase": "公务用车购置费",
  "threePublic.vehicleOperation": "公务用车运行维护费",
  "threePublic.reception": "公务接待费",

  procurement: "政府采购预算",
  "procurement[].category": "采购类别",
  "procurement[].fund": "资金来源",
  "procurement[].amount": "金额",

  assets: "国有资产占有使用情况",
  "assets.asOf": "截至年月",
  "assets.vehicles": "车辆",
  "assets.vehicles.general": "一般公务用车",
  "assets.vehicles.lawEnforcement": "执勤执法用车",
  "assets.vehicles.other": "其他用车",
  "assets.plannedPurchase": "当年安排购置车辆",
  "assets.plannedPurchase.general": "一般公务用车",
  "assets.plannedPurchase.lawEnforcement": "执勤执法用车",
  "assets.plannedPurchase.other": "其他用车",

  performance: "部门整体支出绩效目标",
  "performance.goal": "当年整体绩效目标",
  "performance.indicators": "绩效指标",

  narrative: "情况说明",
  "narrative.incomeChange": "收入增减原因",
  "narrative.expenditureChange": "支出增减原因",
  "narrative.basicChange": "基本支出增减原因",
  "narrative.basicUsage": "基本支出主要用途",
  "narrative.projectChange": "项目支出增减原因",
  "narrative.projectUsage": "项目支出主要用途",
  "narrative.threePublic": "“三公”经费增减原因",
  "narrative.threePublic.abroad": "因公出国（境）费",
  "narrative.threePublic.vehiclePurchase": "公务用车购置费",
  "narrative.threePublic.vehicleOperation": "公务用车运行维护费",
  "narrative.threePublic.reception": "公务接待费",
  "narrative.operatingFundsChange": "机关运行经费增减原因",
  "narrative.operatingFundsUsage": "机关运行经费主要用途",
  "narrative.glossary": "专业性名词解释",

  disclosure: "公开的表",
  "disclosure.tables": "公开的表",

  priorYear: "上年预算数",
  "priorYear.expenditureByFunction": "按功能分类的支出",
  "priorYear.basic": "基本支出",
  "priorYear.project": "项目支出",
  "priorYear.threePublic": "“三公”经费",
  "priorYear.threePublic.abroad": "因公出国（境）费",
  "priorYear.threePublic.vehiclePurchase": "公务用车购置费",
  "priorYear.threePublic.vehicleOperation": "公务用车运行维护费",
  "priorYear.threePublic.reception": "公务接待费",
  "priorYear.operatingFunds": "机关运行经费",
};

export const FUND_LABELS = {
  generalBudget: "一般公共预算拨款",
  governmentFund: "政府性基金预算拨款",
  stateCapital: "国有资本经营预算拨款",
  specialAccount: "财政专户管理资金",
  operations: "事业收入",
  superiorSubsidy: "上级补助收入",
  subordinateRemit: "附属单位上缴收入",
  business: "事业单位经营收入",
  other: "其他收入",
} as const;

export const PROCUREMENT_CATEGORY_LABELS = { goods: "货物", works: "工程", services: "服务" } as const;

/** Path segments as zod reports them: keys and array indices. */
export type PathSegment = string | number;

/** `["projects", 1, "indicators", 0, "weight"]` → `projects[1].indicators[0].weight`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else out += out === "" ? seg : `.${seg}`;
  }
  return out;
}

/** Label key of one prefix of a path; indicator sets share their labels wherever they sit. */
function labelKey(path: readonly PathSegment[]): string {
  const generic = formatPath(path.map((seg) => (typeof seg === "number" ? -1 : seg))).replace(/\[-1\]/g, "[]");
  const indicator = generic.match(/indicators\[\](\..+)$/);
  if (indicator) return `indicators[]${indicator[1]}`;
  return generic;
}

/**
 * Chinese name of a path, e.g. `收入预算.一般公共预算拨款` or `项目支出[1].绩效指标[0].权重`;
 * a segment without a label (a function code used as a record key) is shown as is.
 */
export function labelOf(path: readonly PathSegment[]): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    if (typeof seg === "number") {
      parts[parts.length - 1] = `${parts[parts.length - 1] ?? ""}[${seg}]`;
      continue;
    }
    parts.push(FIELD_LABELS[labelKey(path.slice(0, i + 1))] ?? seg);
  }
  return parts.join(".");
}

/** `收入预算.一般公共预算拨款（income.generalBudget）` — what every message starts with. */
export function describeField(path: readonly PathSegment[]): string {
  if (path.length === 0) return "预算包";
  return `${labelOf(path)}（${formatPath(path)}）`;
}
