import { fieldLabel } from "@/lib/budget/rules/examples";
import { finalLabelOf } from "@/lib/final/package/labels";

/** Chinese name of the path of a 决算 finding (`carryover.closing.generalBudget` → 结转和结余.年末结转和结余.…). */
export function finalFieldLabel(path: string): string {
  return fieldLabel(path, finalLabelOf);
}

/**
 * One example finding of every 决算 rule (its field and message), listed beside the budget rules on
 * /rules and by `budget rules`: exactly what the rule reports on its breaking case in rules.test.ts.
 */
export const FINAL_RULE_EXAMPLES: Record<string, { path: string; message: string }> = {
  "final.balance-fund": {
    path: "carryover.closing.generalBudget",
    message:
      "一般公共预算拨款收支不平衡：年初结转和结余 7.20 万元 + 本年收入 1,826.48 万元 = 1,833.68 万元，本年支出 1,833.68 万元 + 年末结转和结余 0.00 万元 = 1,833.68 万元，相差 0.01 元",
  },
  "final.catalogue-codes-valid": { path: "basicExpenditure[0].function", message: "功能分类科目 20103 不是科目表中的“项”级科目" },
  "final.evaluated-coverage": {
    path: "performance.evaluatedFunds",
    message: "自评涉及资金 300.00 万元 应在已有自评表的执行数合计 52.00 万元 与项目支出决算数合计 290.72 万元 之间",
  },
  "final.expenditure-total-equals-basic-plus-project": {
    path: "F3.total.total",
    message: "支出决算表合计 1918.26 万元不等于基本支出 1627.53 万元 + 项目支出 290.72 万元",
  },
  "final.income-total-equals-sources": { path: "F1.income.total", message: "收入支出决算总表本年收入合计 1911.06 万元不等于各收入来源之和 1911.05 万元" },
  "final.prior-balance": {
    path: "priorYear",
    message: "上年决算数不平衡：本年收入 + 年初结转和结余 = 2,250.30 万元，本年支出 + 年末结转和结余 = 2,250.31 万元",
  },
  "final.procurement-shares": { path: "procurement.micro", message: "授予小微企业合同金额 700.00 万元 超过授予中小企业合同金额 688.76 万元" },
  "final.reason-required-over-threshold": { path: "reasons.byClass.208", message: "一般公共预算财政拨款支出 208 类较年初预算数增加 33.95 万元，但未说明原因" },
  "final.self-evaluation-actual-equals-project": {
    path: "projects[0].selfEvaluation.actual",
    message: "项目“信息中心专项经费”绩效自评的全年执行数 40.00 万元 不等于项目决算数 39.99 万元",
  },
  "final.self-evaluation-budget-equals-project": {
    path: "projects[1].selfEvaluation.budget",
    message: "项目“信息化建设政府网站安全等级测评费”绩效自评的全年预算数 12.00 万元 不等于项目全年预算数 13.00 万元",
  },
  "final.self-evaluation-reason-when-missed": {
    path: "projects[1].selfEvaluation.indicators[1].reason",
    message: "项目“信息化建设政府网站安全等级测评费”的指标“安全控制点测试个数”完成比例 95.89%，未说明原因",
  },
  "final.self-evaluation-scores": {
    path: "projects[1].selfEvaluation.indicators[0].ratio",
    message: "项目“信息化建设政府网站安全等级测评费”的指标“安全层面测试个数”：完成比例应按全年完成值计算为 100%，填写的是 90%",
  },
  "final.tables-totals-equal-rows": { path: "F5.total.total", message: "一般公共预算财政拨款支出决算表合计（total）1833.68 不等于各类之和 1833.69" },
  "final.three-public-matches-lines": {
    path: "threePublic.reception.actual",
    message: "“三公”经费中的公务接待费决算数 1.91 万元 与一般公共预算支出 30217 科目的决算数 1.91 万元 不一致",
  },
  "final.vehicles-held-match-assets": { path: "threePublic.quantities.vehiclesHeld", message: "公务车保有量 6 辆与国有资产占用情况中的车辆合计 7 辆不一致" },
};
