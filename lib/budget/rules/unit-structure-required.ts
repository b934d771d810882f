import { defineRule } from "./types";

/** 机构设置 is printed in the 情况说明's 部门基本情况; an empty one publishes a blank paragraph. */
export const unitStructureRequired = defineRule({
  id: "unit.structure-required",
  severity: "warning",
  title: "须填写机构设置",
  check({ budget }, report) {
    if ((budget.unit.structure ?? "").trim() === "") report("unit.structure", "未填写机构设置（情况说明“部门机构设置”将为空）");
  },
});
