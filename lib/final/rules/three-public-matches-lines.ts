import { wanOfYuanText } from "@/lib/format";
import Decimal from "decimal.js";
import { sum } from "@/lib/budget/money";
import type { ThreePublicKey } from "@/lib/final/model";
import { defineFinalRule } from "./types";

/** The economic 款 each 三公 item is booked on. */
export const THREE_PUBLIC_ECONOMIC: Record<ThreePublicKey, { code: string; label: string }> = {
  abroad: { code: "30212", label: "因公出国（境）费" },
  vehiclePurchase: { code: "31013", label: "公务用车购置费" },
  vehicleOperation: { code: "30231", label: "公务用车运行维护费" },
  reception: { code: "30217", label: "公务接待费" },
};

/**
 * 三公 is general-budget money; where the basic lines or projects carry its economic code, the
 * 三公 决算数 is exactly what they spent on it. Where no line carries the code (spending booked in
 * projects without an economic code) there is nothing to compare.
 */
export const finalThreePublicMatchesLines = defineFinalRule({
  id: "final.three-public-matches-lines",
  severity: "error",
  title: "“三公”经费决算数等于其经济分类科目上的支出",
  check({ final }, report) {
    for (const [key, { code, label }] of Object.entries(THREE_PUBLIC_ECONOMIC) as [ThreePublicKey, { code: string; label: string }][]) {
      const amounts: Decimal[] = [
        ...final.basicExpenditure.filter((l) => l.fund === "generalBudget" && l.economic === code).map((l) => l.actual),
        ...final.projects.filter((p) => p.fund === "generalBudget" && p.economic === code).map((p) => p.actual),
      ];
      if (amounts.length === 0) continue;
      const lines = sum(amounts);
      const entered = final.threePublic[key].actual;
      if (!lines.equals(entered)) {
        report(
          `threePublic.${key}.actual`,
          `“三公”经费中的${label}决算数 ${wanOfYuanText(entered)} 与一般公共预算支出 ${code} 科目的决算数 ${wanOfYuanText(lines)} 不一致`,
        );
      }
    }
  },
});
