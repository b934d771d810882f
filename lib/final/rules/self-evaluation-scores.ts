import Decimal from "decimal.js";
import { computedRatio, earnedScore, figure } from "@/lib/final/compute/self-evaluation";
import { defineFinalRule } from "./types";

/**
 * 完成比例 and 指标得分 are computed, not typed: a typed ratio is refused where it can be computed
 * and differs; a non-numeric indicator needs its ratio; a score can be lowered (the evaluator's
 * judgment) but never exceed what the ratio earns; and the weights of a table total 100.
 */
export const finalSelfEvaluationScores = defineFinalRule({
  id: "final.self-evaluation-scores",
  severity: "error",
  title: "绩效自评的完成比例与指标得分按规则计算",
  check({ final }, report) {
    final.projects.forEach((p, i) => {
      const se = p.selfEvaluation;
      if (!se) return;
      let weights = new Decimal(0);
      se.indicators.forEach((ind, k) => {
        const path = `projects[${i}].selfEvaluation.indicators[${k}]`;
        const name = `项目“${p.name}”的指标“${ind.name}”`;
        weights = weights.plus(ind.weight ?? "0");
        const computed = computedRatio(ind);
        if (computed !== undefined && ind.ratio !== undefined && !new Decimal(ind.ratio).equals(computed.toDecimalPlaces(2, Decimal.ROUND_HALF_UP))) {
          report(`${path}.ratio`, `${name}：完成比例应按全年完成值计算为 ${figure(computed)}%，填写的是 ${ind.ratio}%`);
        }
        if (computed === undefined && ind.ratio === undefined) {
          report(`${path}.ratio`, `${name}：不是数值指标，须填写完成比例`);
        }
        const earned = earnedScore(ind);
        if (ind.score !== undefined && earned !== undefined && new Decimal(ind.score).greaterThan(earned)) {
          report(`${path}.score`, `${name}：指标得分 ${ind.score} 超过按完成比例应得的 ${figure(earned)} 分`);
        }
      });
      if (se.indicators.length > 0 && !weights.equals(100)) {
        report(`projects[${i}].selfEvaluation.indicators`, `项目“${p.name}”绩效自评的指标权重合计为 ${figure(weights)}，不是 100`);
      }
    });
  },
});
