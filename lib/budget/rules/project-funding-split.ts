import { wanOfYuan } from "./helpers";
import { defineRule } from "./types";

export const projectFundingSplit = defineRule({
  id: "project.funding-split",
  severity: "error",
  title: "项目本级安排与上级补助之和等于当年预算",
  check({ budget }, report) {
    budget.projects.forEach((p, i) => {
      const split = p.ownArrangement.plus(p.superiorSubsidy);
      if (!split.equals(p.amount)) {
        report(
          `projects[${i}].ownArrangement`,
          `项目“${p.name}”：本级安排 ${wanOfYuan(p.ownArrangement)} + 上级补助 ${wanOfYuan(p.superiorSubsidy)} = ${wanOfYuan(split)}，不等于当年预算 ${wanOfYuan(p.amount)}`,
        );
      }
    });
  },
});
