import type { Indicator } from "@/lib/budget/model";
import { defineRule } from "./types";

const missingLevels = (indicators: readonly Indicator[]) => indicators.filter((i) => (i.level1 ?? "").trim() === "" || (i.level2 ?? "").trim() === "").length;

/**
 * Many published 绩效目标表 list 三级指标 only. Accepted and printed as published (a set without
 * any level prints without those columns); the reviewer is told, once per indicator set.
 */
export const indicatorsLevelsMissing = defineRule({
  id: "indicators.levels-missing",
  severity: "warning",
  title: "绩效指标宜填写一级指标和二级指标",
  check({ budget }, report) {
    const perf = missingLevels(budget.performance.indicators);
    if (perf > 0) report("performance.indicators", `部门整体支出绩效指标中有 ${perf} 条未填写一级指标或二级指标`);
    budget.projects.forEach((p, i) => {
      const n = missingLevels(p.indicators);
      if (n > 0) report(`projects[${i}].indicators`, `项目“${p.name}”的绩效指标中有 ${n} 条未填写一级指标或二级指标`);
    });
  },
});
