import { defineRule } from "./types";

/** A published 项目支出绩效目标表 without indicators or a goal is an empty form. */
export const projectDisclosedWithoutIndicators = defineRule({
  id: "project.disclosed-without-indicators",
  severity: "warning",
  title: "公开绩效目标表的项目须有绩效目标和指标",
  check({ budget }, report) {
    budget.projects.forEach((p, i) => {
      if (!p.disclose) return;
      if (p.indicators.length === 0) report(`projects[${i}].indicators`, `项目“${p.name}”将公开绩效目标表，但没有绩效指标`);
      if ((p.goal ?? "").trim() === "") report(`projects[${i}].goal`, `项目“${p.name}”将公开绩效目标表，但未填写当年绩效目标`);
    });
  },
});
