import { wanOfYuanText } from "@/lib/format";
import { defineFinalRule } from "./types";

/** A self-evaluation's 全年预算数 (A) is the project's 全年预算数, or its 执行率 means nothing. */
export const finalSelfEvaluationBudgetEqualsProject = defineFinalRule({
  id: "final.self-evaluation-budget-equals-project",
  severity: "error",
  title: "绩效自评的全年预算数等于项目全年预算数",
  check({ final }, report) {
    final.projects.forEach((p, i) => {
      const se = p.selfEvaluation;
      if (!se) return;
      const a = se.budget.superior.plus(se.budget.local);
      if (!a.equals(p.adjusted)) {
        report(
          `projects[${i}].selfEvaluation.budget`,
          `项目“${p.name}”绩效自评的全年预算数 ${wanOfYuanText(a)} 不等于项目全年预算数 ${wanOfYuanText(p.adjusted)}`,
        );
      }
    });
  },
});
