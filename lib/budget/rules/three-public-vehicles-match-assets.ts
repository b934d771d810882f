import { wanOfYuanText } from "@/lib/format";
import { defineRule } from "./types";

/** 公务用车 money against the vehicles the department reports: the question a reviewer asks first. */
export const threePublicVehiclesMatchAssets = defineRule({
  id: "three-public.vehicles-match-assets",
  severity: "warning",
  title: "公务用车经费与车辆情况相符",
  check({ budget }, report) {
    const { vehicles, plannedPurchase } = budget.assets;
    const owned = vehicles.general + vehicles.lawEnforcement + vehicles.other;
    const planned = plannedPurchase.general + plannedPurchase.lawEnforcement + plannedPurchase.other;
    const t = budget.threePublic;
    if (!t.vehicleOperation.isZero() && owned === 0 && planned === 0) {
      report("threePublic.vehicleOperation", `安排公务用车运行维护费 ${wanOfYuanText(t.vehicleOperation)}，但国有资产情况中没有车辆`);
    }
    if (!t.vehiclePurchase.isZero() && planned === 0) {
      report("threePublic.vehiclePurchase", `安排公务用车购置费 ${wanOfYuanText(t.vehiclePurchase)}，但当年安排购置车辆为 0 辆`);
    }
    if (t.vehiclePurchase.isZero() && planned > 0) {
      report("assets.plannedPurchase", `当年安排购置车辆 ${planned} 辆，但公务用车购置费为 0`);
    }
  },
});
