import { defineRule } from "./types";

/** 部门职责 is the first section of the published 情况说明; an empty one publishes a blank section. */
export const unitFunctionsRequired = defineRule({
  id: "unit.functions-required",
  severity: "warning",
  title: "须填写部门职能职责",
  check({ budget }, report) {
    if (budget.unit.functions.every((f) => f.trim() === "")) report("unit.functions", "未填写部门职能职责（情况说明第一部分“部门主要职能”将为空）");
  },
});
