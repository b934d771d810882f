import { FIELD_LABELS, FUND_LABELS, formatPath, type PathSegment } from "@/lib/budget/package/labels";

/**
 * Chinese labels of the fields a 决算 package adds to (or words differently from) a budget
 * package; everything else falls back to the budget labels so a field shared by both kinds is
 * named the same way.
 */
const FUNDS_OF = (prefix: string, lead: string) => Object.fromEntries(Object.entries(FUND_LABELS).map(([k, v]) => [`${prefix}.${k}`, `${lead}${v}`]));

const COLUMNS_OF = (prefix: string) => ({
  [`${prefix}.initial`]: "年初预算数",
  [`${prefix}.adjusted`]: "全年预算数",
  [`${prefix}.actual`]: "决算数",
});

export const FINAL_FIELD_LABELS: Readonly<Record<string, string>> = {
  year: "决算年度",
  unit: "部门",
  "unit.structure": "机构设置",
  "unit.composition": "单位构成",
  "unit.contact": "决算公开联系人",
  income: "本年收入",
  "income[].function": "功能分类科目",
  "income[].fund": "收入来源",
  "income[].amount": "决算数",
  carryover: "结转和结余",
  "carryover.opening": "年初结转和结余",
  "carryover.closing": "年末结转和结余",
  ...FUNDS_OF("carryover.opening", ""),
  ...FUNDS_OF("carryover.closing", ""),
  ...COLUMNS_OF("basicExpenditure[]"),
  ...COLUMNS_OF("projects[]"),
  "projects[].subUnit": "实施单位",
  "projects[].selfEvaluation": "项目支出绩效自评",
  "projects[].selfEvaluation.department": "业务主管部门",
  "projects[].selfEvaluation.implementer": "实施单位",
  "projects[].selfEvaluation.contact": "联系人及电话",
  "projects[].selfEvaluation.budget": "全年预算数（A）",
  "projects[].selfEvaluation.actual": "全年执行数（B）",
  "projects[].selfEvaluation.budget.superior": "上级资金",
  "projects[].selfEvaluation.budget.local": "本级资金",
  "projects[].selfEvaluation.actual.superior": "上级资金",
  "projects[].selfEvaluation.actual.local": "本级资金",
  "projects[].selfEvaluation.goal": "年度绩效目标",
  "projects[].selfEvaluation.outcome": "全年目标实际完成情况",
  "projects[].selfEvaluation.indicators": "绩效指标",
  "indicators[].value": "年度指标值",
  "indicators[].weight": "指标权重",
  "indicators[].actual": "全年完成值",
  "indicators[].ratio": "完成比例",
  "indicators[].score": "指标得分",
  "indicators[].reason": "未完成原因说明",
  ...Object.fromEntries(["abroad", "vehiclePurchase", "vehicleOperation", "reception"].flatMap((k) => Object.entries(COLUMNS_OF(`threePublic.${k}`)))),
  "threePublic.quantities": "“三公”经费实物量",
  "threePublic.quantities.abroadGroups": "因公出国（境）团组数",
  "threePublic.quantities.abroadPeople": "因公出国（境）人数",
  "threePublic.quantities.vehiclesPurchased": "公务用车购置数",
  "threePublic.quantities.vehiclesHeld": "公务用车保有量",
  "threePublic.quantities.domesticBatches": "国内公务接待批次",
  "threePublic.quantities.domesticPeople": "国内公务接待人数",
  "threePublic.quantities.foreignAffairsBatches": "国内外事接待批次",
  "threePublic.quantities.foreignAffairsPeople": "国内外事接待人数",
  "threePublic.quantities.overseasBatches": "国（境）外公务接待批次",
  "threePublic.quantities.overseasPeople": "国（境）外公务接待人数",
  meetings: "会议费",
  training: "培训费",
  "assets.asOf": "截至日期",
  "assets.vehicles.ministerial": "副部（省）级及以上领导用车",
  "assets.vehicles.leaders": "主要领导干部用车",
  "assets.vehicles.confidential": "机要通信用车",
  "assets.vehicles.emergency": "应急保障用车",
  "assets.vehicles.lawEnforcement": "执法执勤用车",
  "assets.vehicles.special": "特种专业技术用车",
  "assets.vehicles.retiree": "离退休干部用车",
  "assets.vehicles.other": "其他用车",
  "assets.generalEquipmentOver50": "单价 50 万元（含）以上通用设备",
  "assets.specialEquipmentOver100": "单价 100 万元（含）以上专用设备",
  procurement: "政府采购支出",
  "procurement.goods": "货物",
  "procurement.works": "工程",
  "procurement.services": "服务",
  "procurement.smallMedium": "授予中小企业合同金额",
  "procurement.micro": "授予小微企业合同金额",
  performance: "预算绩效管理",
  "performance.evaluatedProjects": "开展绩效自评的项目数",
  "performance.evaluatedFunds": "自评涉及资金",
  "performance.keyEvaluation": "重点绩效评价结果",
  "performance.summary": "自评结果概述",
  reasons: "增减变化原因",
  "reasons.total": "收支总计",
  "reasons.income": "收入合计",
  "reasons.expenditure": "支出合计",
  "reasons.closing": "年末结转和结余",
  "reasons.fiscal": "财政拨款收支总计",
  "reasons.generalBudgetIncome": "一般公共预算财政拨款收入",
  "reasons.generalBudgetExpenditure": "一般公共预算财政拨款支出",
  "reasons.generalBudgetClosing": "一般公共预算财政拨款结转和结余",
  "reasons.byClass": "按功能分类（类）",
  "reasons.personnel": "人员经费",
  "reasons.public": "公用经费",
  "reasons.governmentFundIncome": "政府性基金预算财政拨款收入",
  "reasons.governmentFundExpenditure": "政府性基金预算财政拨款支出",
  "reasons.threePublic": "“三公”经费",
  "reasons.operatingFunds": "机关运行经费",
  "reasons.meetings": "会议费",
  "reasons.training": "培训费",
  usages: "主要用途",
  priorYear: "上年决算数",
  "priorYear.income": "本年收入",
  "priorYear.expenditure": "本年支出",
  "priorYear.opening": "年初结转和结余",
  "priorYear.closing": "年末结转和结余",
  "priorYear.personnel": "人员经费",
  "priorYear.public": "公用经费",
  "priorYear.operatingFunds": "机关运行经费",
  "priorYear.meetings": "会议费",
  "priorYear.training": "培训费",
};

function labelKey(path: readonly PathSegment[]): string {
  const generic = formatPath(path.map((seg) => (typeof seg === "number" ? -1 : seg))).replace(/\[-1\]/g, "[]");
  const indicator = generic.match(/indicators\[\](\..+)$/);
  if (indicator) return `indicators[]${indicator[1]}`;
  if (/^reasons\.[^.]+\.(prior|initial)$/.test(generic) || /^reasons\.threePublic\.[^.]+\.(prior|initial)$/.test(generic)) {
    return generic.endsWith("prior") ? "#versusPrior" : "#versusInitial";
  }
  return generic;
}

const EXTRA: Record<string, string> = { "#versusPrior": "较上年决算数", "#versusInitial": "较年初预算数" };

/** Chinese name of a 决算 package path (`income[0].amount` → 本年收入[0].决算数). */
export function finalLabelOf(path: readonly PathSegment[]): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    if (typeof seg === "number") {
      parts[parts.length - 1] = `${parts[parts.length - 1] ?? ""}[${seg}]`;
      continue;
    }
    const key = labelKey(path.slice(0, i + 1));
    parts.push(FINAL_FIELD_LABELS[key] ?? EXTRA[key] ?? FIELD_LABELS[key] ?? seg);
  }
  return parts.join(".");
}

/** `本年收入[0].决算数（income[0].amount）` — what every message about a 决算 package starts with. */
export function describeFinalField(path: readonly PathSegment[]): string {
  if (path.length === 0) return "决算包";
  return `${finalLabelOf(path)}（${formatPath(path)}）`;
}
