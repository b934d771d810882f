import { wanOfYuanText } from "@/lib/format";
import { defineRule } from "./types";

export const projectFundingSplit = defineRule({
  id: "project.funding-split",
  severity: "error",
  title: "项目本级安排与上级补助之和等于当年预算",
  check({ budget }, report) {
    budget.projects.forEach((p, i) => {
      const split = p.ownArrangement.plus(p.superiorSubsidy);
      if (!split.equals(p.amount)) {
        // A 一级项目 splits its money into 部门留用 and 补助街镇 (the same two fields).
        const [own, sub] = p.tier === "program" ? ["部门留用", "补助街镇"] : ["本级安排", "上级补助"];
        report(
          `projects[${i}].ownArrangement`,
          `项目“${p.name}”：${own} ${wanOfYuanText(p.ownArrangement)} + ${sub} ${wanOfYuanText(p.superiorSubsidy)} = ${wanOfYuanText(split)}，不等于当年预算 ${wanOfYuanText(p.amount)}`,
        );
      }
    });
  },
});
