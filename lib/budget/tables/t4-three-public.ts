import { formatFen } from "@/lib/budget/compute/fen";
import type { ShownThreePublic } from "@/lib/budget/compute/shown-amounts";
import type { ThreePublic } from "@/lib/budget/model";
import type { TableContext } from "./context";
import { fmt } from "./common";
import type { T4ThreePublic, ThreePublicColumns } from "./types";

/** The decimal.js form, for the 决算 tables. */
export function threePublicColumns(t: ThreePublic): ThreePublicColumns {
  const vehicle = t.vehiclePurchase.plus(t.vehicleOperation);
  return {
    total: fmt(t.abroad.plus(vehicle).plus(t.reception)),
    abroad: fmt(t.abroad),
    vehicle: fmt(vehicle),
    vehiclePurchase: fmt(t.vehiclePurchase),
    vehicleOperation: fmt(t.vehicleOperation),
    reception: fmt(t.reception),
  };
}

function threePublicFenColumns(t: ShownThreePublic): ThreePublicColumns {
  const vehicle = t.vehiclePurchase + t.vehicleOperation;
  return {
    total: formatFen(t.abroad + vehicle + t.reception),
    abroad: formatFen(t.abroad),
    vehicle: formatFen(vehicle),
    vehiclePurchase: formatFen(t.vehiclePurchase),
    vehicleOperation: formatFen(t.vehicleOperation),
    reception: formatFen(t.reception),
  };
}

/** 表四 一般公共预算“三公”经费支出表: one row per year, 小计 and 合计 summed from printed items. */
export function buildT4(ctx: TableContext): T4ThreePublic {
  const prior = ctx.t4Prior ? ctx.shown.prior : undefined;
  return {
    ...(prior ? { prior: threePublicFenColumns(prior.threePublic) } : {}),
    current: threePublicFenColumns(ctx.shown.threePublic),
  };
}
