import { wanOfYuanText } from "@/lib/format";
import { generalBudgetBasicOn } from "./helpers";
import { defineRule } from "./types";

/** 三公 counts general-budget money only, and the basic lines on 30231 are part of it. */
export const threePublicVehicleOperationCoversBasic = defineRule({
  id: "three-public.vehicle-operation-covers-basic",
  severity: "error",
  title: "公务用车运行维护费不少于基本支出中的公务用车运行维护费（30231）",
  check({ budget }, report) {
    const basic = generalBudgetBasicOn(budget, "30231");
    if (budget.threePublic.vehicleOperation.lessThan(basic)) {
      report(
        "threePublic.vehicleOperation",
        `“三公”经费中的公务用车运行维护费 ${wanOfYuanText(budget.threePublic.vehicleOperation)} 少于一般公共预算基本支出 30231 公务用车运行维护费 ${wanOfYuanText(basic)}`,
      );
    }
  },
});
