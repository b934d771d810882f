import { wanOfYuanText } from "@/lib/format";
import { sum } from "@/lib/budget/money";
import { defineRule } from "./types";

/**
 * Last year's total is one figure for every table and sentence; when it is given by function,
 * basic + project must equal it, or T2's 上年 column and the narrative's changes would disagree.
 */
export const priorTotalConsistent = defineRule({
  id: "prior.total-consistent",
  severity: "error",
  title: "上年基本支出与项目支出之和等于上年按功能分类支出合计",
  check({ prior }, report) {
    if (!prior?.expenditureByFunction) return;
    const byFunction = sum(Object.values(prior.expenditureByFunction));
    const parts = prior.basic.plus(prior.project);
    if (!parts.equals(byFunction)) {
      report(
        "priorYear.basic",
        `上年基本支出 ${wanOfYuanText(prior.basic)} + 项目支出 ${wanOfYuanText(prior.project)} = ${wanOfYuanText(parts)}，与上年按功能分类支出合计 ${wanOfYuanText(byFunction)} 不一致`,
      );
    }
  },
});
