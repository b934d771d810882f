import Decimal from "decimal.js";
import { ZERO } from "@/lib/budget/money";
import type { Indicator } from "@/lib/budget/model";
import { defineRule } from "./types";

const HUNDRED = new Decimal(100);

function weightOf(s: string | undefined): Decimal {
  return s === undefined || s === "" ? ZERO : new Decimal(s);
}

function total(indicators: readonly Indicator[], extra?: string): Decimal {
  return indicators.reduce((acc, i) => acc.plus(weightOf(i.weight)), weightOf(extra));
}

/** A warning, not an error: published tables in the wild often break it (spec). */
export const indicatorsWeightsTotal100 = defineRule({
  id: "indicators.weights-total-100",
  severity: "warning",
  title: "绩效指标权重合计为 100",
  check({ budget }, report) {
    budget.projects.forEach((p, i) => {
      if (p.indicators.length === 0) return;
      const t = total(p.indicators, p.executionRateWeight);
      if (!t.equals(HUNDRED)) {
        report(
          `projects[${i}].indicators`,
          `项目“${p.name}”的绩效指标权重合计 ${t.minus(weightOf(p.executionRateWeight)).toString()}，加预算执行率权重 ${weightOf(p.executionRateWeight).toString()} 为 ${t.toString()}，不是 100`,
        );
      }
    });
    const perf = budget.performance.indicators;
    if (perf.length > 0) {
      const t = total(perf);
      if (!t.equals(HUNDRED)) {
        report("performance.indicators", `部门整体支出绩效指标权重合计为 ${t.toString()}，不是 100`);
      }
    }
  },
});
