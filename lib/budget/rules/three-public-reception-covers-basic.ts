import { wanOfYuanText } from "@/lib/format";
import { generalBudgetBasicOn } from "./helpers";
import { defineRule } from "./types";

/** 三公 counts general-budget money only, and the basic lines on 30217 are part of it. */
export const threePublicReceptionCoversBasic = defineRule({
  id: "three-public.reception-covers-basic",
  severity: "error",
  title: "公务接待费不少于基本支出中的公务接待费（30217）",
  check({ budget }, report) {
    const basic = generalBudgetBasicOn(budget, "30217");
    if (budget.threePublic.reception.lessThan(basic)) {
      report(
        "threePublic.reception",
        `“三公”经费中的公务接待费 ${wanOfYuanText(budget.threePublic.reception)} 少于一般公共预算基本支出 30217 公务接待费 ${wanOfYuanText(basic)}`,
      );
    }
  },
});
