import type { Indicator } from "@/lib/budget/model";
import { defineRule } from "./types";

const NUMBER = /^-?\d+(\.\d+)?$/;

function problem(i: Indicator): string | undefined {
  const value = i.value.trim();
  if (value === "") return `指标“${i.name}”未填写指标值`;
  if (i.operator !== "定性" && !NUMBER.test(value)) {
    return `指标“${i.name}”的指标性质为“${i.operator}”（定量），指标值应为数字，实际为“${i.value}”；如为定性指标，指标性质应选“定性”`;
  }
  return undefined;
}

/** A quantitative operator needs a number to compare with; text belongs to a 定性 indicator. */
export const indicatorOperatorValue = defineRule({
  id: "indicator.operator-value",
  severity: "warning",
  title: "指标性质与指标值相符",
  check({ budget }, report) {
    budget.projects.forEach((p, i) =>
      p.indicators.forEach((ind, j) => {
        const m = problem(ind);
        if (m) report(`projects[${i}].indicators[${j}].value`, `项目“${p.name}”：${m}`);
      }),
    );
    budget.performance.indicators.forEach((ind, j) => {
      const m = problem(ind);
      if (m) report(`performance.indicators[${j}].value`, `部门整体绩效目标：${m}`);
    });
  },
});
