import { wanOfYuanText } from "@/lib/format";
import { sum } from "@/lib/budget/money";
import { defineFinalRule } from "./types";

/**
 * The entered count and funds of self-evaluated projects (only for a package that does not hold
 * every 自评表) cannot be fewer than the self-evaluations it holds, nor more than its projects.
 */
export const finalEvaluatedCoverage = defineFinalRule({
  id: "final.evaluated-coverage",
  severity: "error",
  title: "开展绩效自评的项目数与涉及资金与项目一致",
  check({ final }, report) {
    const held = final.projects.filter((p) => p.selfEvaluation);
    const { evaluatedProjects, evaluatedFunds } = final.performance;
    if (evaluatedProjects !== undefined && evaluatedProjects < held.length) {
      report("performance.evaluatedProjects", `开展绩效自评的项目数 ${evaluatedProjects} 少于决算包中已有的绩效自评表 ${held.length} 张`);
    }
    if (evaluatedFunds !== undefined) {
      const heldFunds = sum(held.map((p) => p.actual));
      const all = sum(final.projects.map((p) => p.actual));
      if (evaluatedFunds.lessThan(heldFunds) || evaluatedFunds.greaterThan(all)) {
        report(
          "performance.evaluatedFunds",
          `自评涉及资金 ${wanOfYuanText(evaluatedFunds)} 应在已有自评表的执行数合计 ${wanOfYuanText(heldFunds)} 与项目支出决算数合计 ${wanOfYuanText(all)} 之间`,
        );
      }
    }
  },
});
