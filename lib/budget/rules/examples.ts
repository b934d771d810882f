import { labelOf, type PathSegment } from "@/lib/budget/package/labels";

/**
 * One example finding of every rule (its field and message), shown by the rules page (/rules) and
 * `npm run -s budget -- rules`. Each is exactly what the rule reports on the breaking case of
 * rules.test.ts (the government-office fixture with one thing broken); that test keeps them in sync.
 */
export const RULE_EXAMPLES: Record<string, { path: string; message: string }> = {
  "balance.fund": {
    path: "income.generalBudget",
    message: "一般公共预算拨款收支不平衡：收入 2,514.61 万元，支出 2,514.61 万元，收入多 0.00 万元（差额按元计：0.01 元）",
  },
  "consolidation.internal-transfers-match": {
    path: "income.superiorSubsidy",
    message: "区信息中心的上级补助收入 30.00 万元，与北碚区政府办公室（本级）列支的对附属单位补助 25.00 万元不一致（差额 50000.00 元），部门汇总时无法抵消",
  },
  "catalogue.economic-code-valid": {
    path: "basicExpenditure[3].economic",
    message: "基本支出[3].经济分类科目（basicExpenditure[3].economic）：2024 年科目目录中没有 30298，请管理员导入 2024 年完整科目目录",
  },
  "catalogue.function-code-valid": {
    path: "basicExpenditure[3].function",
    message: "基本支出[3].功能分类科目（basicExpenditure[3].function）：功能分类科目应填到“项”级（7 位），20103 政府办公厅（室）及相关机构事务 是款级",
  },
  "catalogue.names-known": { path: "T2.rows[6].name", message: "2024 年功能分类科目表中没有 20502 的名称，T2 该行科目名称为空" },
  "indicator.operator-value": {
    path: "projects[0].indicators[1].value",
    message: "项目“政府网站安全等级测评费”：指标“信息安全防护率”的指标性质为“>=”（定量），指标值应为数字，实际为“较高”；如为定性指标，指标性质应选“定性”",
  },
  "indicators.levels-missing": { path: "projects[0].indicators", message: "项目“政府网站安全等级测评费”的绩效指标中有 1 条未填写一级指标或二级指标" },
  "indicators.weights-total-100": {
    path: "projects[0].indicators",
    message: "项目“政府网站安全等级测评费”的绩效指标权重合计 80，加预算执行率权重 10 为 90，不是 100",
  },
  "narrative.figures-match-tables": { path: "narrative.operatingFunds", message: "情况说明中的 307.97 万元与表三公用经费合计 307.96 万元不一致" },
  "narrative.reason-required-when-changed": { path: "narrative.threePublic.reception", message: "公务接待费比上年减少 0.50 万元，但未填写增减原因" },
  "prior.total-consistent": {
    path: "priorYear.basic",
    message: "上年基本支出 1,711.22 万元 + 项目支出 1,179.00 万元 = 2,890.22 万元，与上年按功能分类支出合计 2,890.23 万元 不一致",
  },
  "project.code-unique": { path: "projects[2].code", message: "项目支出[2].项目编码（projects[2].code）：项目编码 50010924T000004332784 与 projects[0] 重复" },
  "project.disclosed-without-indicators": { path: "projects[2].indicators", message: "项目“其他项目支出”将公开绩效目标表，但没有绩效指标" },
  "project.fields-missing": { path: "projects[1].basis", message: "项目“信息中心网络专项经费”未填写立项依据，公开的绩效目标表中这些栏目将为空" },
  "project.funding-split": {
    path: "projects[1].ownArrangement",
    message: "项目“信息中心网络专项经费”：本级安排 40.00 万元 + 上级补助 1.00 万元 = 41.00 万元，不等于当年预算 40.00 万元",
  },
  "project.program-known": {
    path: "projects[1].program",
    message: "项目“信息中心网络专项经费”的所属一级项目 50010924T999 不是本预算中的一级项目（本预算没有一级项目）",
  },
  "project.subunit-known": {
    path: "projects[1].subUnit",
    message: "项目支出[1].编制单位（projects[1].subUnit）：编制单位 104002 不是本部门的所属单位（104001）",
  },
  "tables.fiscal-summary-matches-department-summary": {
    path: "T1.income.current.generalBudget",
    message: "表一本年收入 generalBudget 2514.61 万元与表六 2514.60 万元不一致",
  },
  "tables.general-budget-within-total": { path: "T2.rows[2].basic", message: "表二 2010301 行政运行 的基本支出 1029.30 万元大于表八的 1029.29 万元" },
  "tables.personnel-plus-public-equals-basic": { path: "T3.total", message: "表三人员经费 1438.25 + 公用经费 307.97 = 1746.22，不等于合计 1746.21（万元）" },
  "tables.totals-equal-rows": { path: "T3.rows[0].total", message: "T3 301 的 total 列 1319.31 不等于其下级之和 1319.32" },
  "text.department-unit-title": { path: "performance.goal", message: "部门整体绩效目标写的是“2024年单位预算”，本预算是部门预算，标题应为“部门预算”" },
  "text.growth-from-zero-base": {
    path: "narrative.threePublic.abroad",
    message: "“主要是因公出国（境）费增长100%”写了增长100%，但因公出国（境）费上年为 0，应写“新增 2.00 万元”",
  },
  "text.percent-matches-amounts": {
    path: "narrative.basicChange",
    message: "“较上年增长 5%”写的是增长5%，而基本支出由 1711.22 万元变为 1746.21 万元，增长 2.04%",
  },
  "text.placeholder": { path: "projects[0].summary", message: "项目“政府网站安全等级测评费”的项目概述含有占位文字 “待补充”，请填写实际内容后再报送或公开" },
  "text.reason-figures-match": {
    path: "narrative.projectChange",
    message: "“主要是增加了信息中心网络专项经费 35.20 万元”写的是 35.20 万元，而项目“信息中心网络专项经费”的金额为 40.00 万元",
  },
  "text.units-mixed": {
    path: "narrative.basicUsage",
    message: "情况说明的基本支出主要用途中“主要用于工资 1200 万元，其中津贴 35000 元”同时使用了“元”和“万元”，请统一为万元",
  },
  "three-public.reception-covers-basic": {
    path: "threePublic.reception",
    message: "“三公”经费中的公务接待费 0.40 万元 少于一般公共预算基本支出 30217 公务接待费 0.50 万元",
  },
  "three-public.vehicle-operation-covers-basic": {
    path: "threePublic.vehicleOperation",
    message: "“三公”经费中的公务用车运行维护费 23.99 万元 少于一般公共预算基本支出 30231 公务用车运行维护费 24.00 万元",
  },
  "three-public.vehicles-match-assets": { path: "threePublic.vehiclePurchase", message: "安排公务用车购置费 20.00 万元，但当年安排购置车辆为 0 辆" },
  "unit.functions-required": { path: "unit.functions", message: "未填写部门职能职责（情况说明第一部分“部门主要职能”将为空）" },
  "unit.structure-required": { path: "unit.structure", message: "未填写机构设置（情况说明“部门机构设置”将为空）" },
};

/**
 * Chinese name of a finding's path (`narrative.basicChange` → 情况说明.基本支出增减原因); a 决算
 * passes its own labels (lib/final/rules/examples.ts `finalFieldLabel`).
 */
export function fieldLabel(path: string, label: (segments: readonly PathSegment[]) => string = labelOf): string {
  if (/^[TF]\d+/.test(path)) return `公开表 ${path}`;
  const segments: PathSegment[] = [];
  for (const part of path.split(".")) {
    const m = part.match(/^([^[]+)((?:\[\d+\])*)$/);
    if (!m) return path;
    segments.push(m[1]!);
    for (const i of m[2]!.matchAll(/\[(\d+)\]/g)) segments.push(Number(i[1]));
  }
  return label(segments);
}
