import Decimal from "decimal.js";
import type { Narrative } from "@/lib/budget/model";
import { defineRule } from "./types";

export type Reason = { path: string; label: string; figure: string; text: (n: Narrative) => string | undefined };

/** Year-on-year sentences whose reason the accountant types; `figure` is the narrative figure of the change. */
export const REASONS: Reason[] = [
  { path: "narrative.incomeChange", label: "收入", figure: "incomeChange", text: (n) => n.incomeChange },
  { path: "narrative.basicChange", label: "基本支出", figure: "basicChange", text: (n) => n.basicChange },
  { path: "narrative.projectChange", label: "项目支出", figure: "projectChange", text: (n) => n.projectChange },
  { path: "narrative.threePublic.abroad", label: "因公出国（境）费", figure: "abroadChange", text: (n) => n.threePublic.abroad },
  { path: "narrative.threePublic.reception", label: "公务接待费", figure: "receptionChange", text: (n) => n.threePublic.reception },
  {
    path: "narrative.threePublic.vehicleOperation",
    label: "公务用车运行维护费",
    figure: "vehicleOperationChange",
    text: (n) => n.threePublic.vehicleOperation,
  },
  { path: "narrative.threePublic.vehiclePurchase", label: "公务用车购置费", figure: "vehiclePurchaseChange", text: (n) => n.threePublic.vehiclePurchase },
  { path: "narrative.operatingFundsChange", label: "机关运行经费", figure: "operatingFundsChange", text: (n) => n.operatingFundsChange },
];

/**
 * The published text must explain every change; 支出 is exempt because its default sentence
 * (the basic/project split) already explains it.
 */
export const narrativeReasonRequiredWhenChanged = defineRule({
  id: "narrative.reason-required-when-changed",
  severity: "warning",
  title: "与上年相比有增减的项目须说明原因",
  check({ budget, narrative }, report) {
    for (const r of REASONS) {
      const change = narrative[r.figure];
      if (typeof change !== "string" || new Decimal(change).isZero()) continue;
      if ((r.text(budget.narrative) ?? "").trim() === "") {
        const d = new Decimal(change);
        report(r.path, `${r.label}比上年${d.isPositive() ? "增加" : "减少"} ${d.abs().toFixed(2)} 万元，但未填写增减原因`);
      }
    }
  },
});
