import { wanOfYuanText } from "@/lib/format";
import { ZERO, sum } from "@/lib/budget/money";
import { CARRYOVER_FUNDS, FUNDS } from "@/lib/budget/model";
import { FUND_LABELS } from "@/lib/budget/package/labels";
import { defineRule } from "./types";

/** 收支平衡: per fund, income + carryover = basic + project expenditure of that fund, to the fen. */
export const balanceFund = defineRule({
  id: "balance.fund",
  severity: "error",
  title: "各资金来源收支平衡",
  check({ budget }, report) {
    for (const fund of FUNDS) {
      const carry = (CARRYOVER_FUNDS as readonly string[]).includes(fund) ? budget.income.carryover[fund as (typeof CARRYOVER_FUNDS)[number]] : ZERO;
      const income = budget.income[fund].plus(carry);
      const spending = sum([
        ...budget.basicExpenditure.filter((l) => l.fund === fund).map((l) => l.amount),
        ...budget.projects.filter((p) => p.fund === fund).map((p) => p.amount),
      ]);
      if (!income.equals(spending)) {
        const diff = income.minus(spending);
        report(
          `income.${fund}`,
          `${FUND_LABELS[fund]}收支不平衡：收入${carry.isZero() ? "" : "（含上年结转）"} ${wanOfYuanText(income)}，支出 ${wanOfYuanText(spending)}，` +
            `${diff.isPositive() ? "收入多" : "支出多"} ${wanOfYuanText(diff.abs())}（差额按元计：${diff.abs().toFixed(2)} 元）`,
        );
      }
    }
  },
});
