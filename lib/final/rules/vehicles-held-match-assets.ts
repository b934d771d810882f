import { VEHICLE_TYPES } from "@/lib/final/model";
import { defineFinalRule } from "./types";

/** 公务车保有量 (三公实物量) and the vehicles of 国有资产占用 describe the same fleet. */
export const finalVehiclesHeldMatchAssets = defineFinalRule({
  id: "final.vehicles-held-match-assets",
  severity: "warning",
  title: "公务车保有量与国有资产中的车辆数一致",
  check({ final }, report) {
    const held = final.threePublic.quantities.vehiclesHeld;
    const assets = VEHICLE_TYPES.reduce((acc, t) => acc + final.assets.vehicles[t], 0);
    if (held !== assets) {
      report("threePublic.quantities.vehiclesHeld", `公务车保有量 ${held} 辆与国有资产占用情况中的车辆合计 ${assets} 辆不一致`);
    }
  },
});
