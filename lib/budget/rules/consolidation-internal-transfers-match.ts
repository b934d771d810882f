import { wanOfYuanText } from "@/lib/format";
import { INTERNAL_TRANSFER_CATEGORIES } from "@/lib/budget/consolidate";
import { defineRule } from "./types";

const INCOME = { subsidy: { fund: "superiorSubsidy", label: "上级补助收入" }, remit: { fund: "subordinateRemit", label: "附属单位上缴收入" } } as const;

/**
 * 部门汇总 eliminates a transfer between two units of the department only when both sides agree:
 * what the paying units list as 对附属单位补助 / 上缴上级支出 naming a unit equals that unit's
 * 上级补助收入 / 附属单位上缴收入. Otherwise the department's income or spending would count the
 * difference twice (or not at all).
 */
export const consolidationInternalTransfersMatch = defineRule({
  id: "consolidation.internal-transfers-match",
  severity: "error",
  title: "部门汇总：单位间上缴、补助两侧一致",
  check({ budget }, report) {
    for (const t of budget.internalTransfers ?? []) {
      if (t.paid.equals(t.received)) continue;
      const income = INCOME[t.kind];
      const payers = t.payers.length > 0 ? t.payers.join("、") : "本部门各单位";
      report(
        `income.${income.fund}`,
        `${t.receiver.name}的${income.label} ${wanOfYuanText(t.received)}，与${payers}列支的${INTERNAL_TRANSFER_CATEGORIES[t.kind]} ` +
          `${wanOfYuanText(t.paid)}不一致（差额 ${t.received.minus(t.paid).abs().toFixed(2)} 元），部门汇总时无法抵消`,
      );
    }
  },
});
