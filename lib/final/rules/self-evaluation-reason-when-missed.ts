import Decimal from "decimal.js";
import { indicatorRatio } from "@/lib/final/compute/self-evaluation";
import { defineFinalRule } from "./types";

/** An indicator short of its target says why (未完成绩效目标或目标偏离较多的原因说明). */
export const finalSelfEvaluationReasonWhenMissed = defineFinalRule({
  id: "final.self-evaluation-reason-when-missed",
  severity: "warning",
  title: "未完成绩效目标的指标须说明原因",
  check({ final }, report) {
    final.projects.forEach((p, i) => {
      p.selfEvaluation?.indicators.forEach((ind, k) => {
        const ratio = indicatorRatio(ind);
        if (ratio === undefined || ratio.greaterThanOrEqualTo(new Decimal(100))) return;
        if ((ind.reason ?? "").trim() === "" || ind.reason?.trim() === "无") {
          report(
            `projects[${i}].selfEvaluation.indicators[${k}].reason`,
            `项目“${p.name}”的指标“${ind.name}”完成比例 ${ratio.toDecimalPlaces(2).toString()}%，未说明原因`,
          );
        }
      });
    });
  },
});
