import { wanOfYuanText } from "@/lib/format";
import { defineFinalRule } from "./types";

/** A self-evaluation's 全年执行数 (B) is the project's 决算数, to the fen. */
export const finalSelfEvaluationActualEqualsProject = defineFinalRule({
  id: "final.self-evaluation-actual-equals-project",
  severity: "error",
  title: "绩效自评的全年执行数等于项目决算数",
  check({ final }, report) {
    final.projects.forEach((p, i) => {
      const se = p.selfEvaluation;
      if (!se) return;
      const b = se.actual.superior.plus(se.actual.local);
      if (!b.equals(p.actual)) {
        report(`projects[${i}].selfEvaluation.actual`, `项目“${p.name}”绩效自评的全年执行数 ${wanOfYuanText(b)} 不等于项目决算数 ${wanOfYuanText(p.actual)}`);
      }
    });
  },
});
