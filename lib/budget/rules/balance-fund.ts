import type Decimal from "decimal.js";
import { addsUp } from "@/lib/budget/compute/fen";
import { wanOfYuanText } from "@/lib/format";
import { ZERO, sum } from "@/lib/budget/money";
import { CARRYOVER_FUNDS, FUNDS, type Fund } from "@/lib/budget/model";
import { FUND_LABELS } from "@/lib/budget/package/labels";
import { defineRule } from "./types";

/** 收支平衡: per fund, income + carryover = basic + project expenditure of that fund, to the fen. */
export const balanceFund = defineRule({
  id: "balance.fund",
  severity: "error",
  title: "各资金来源收支平衡",
  check({ budget }, report) {
    // Spending by fund in one pass over the lines, compared in integer fen (fen.ts).
    const byFund = new Map<Fund, Decimal[]>();
    const add = (fund: Fund, amount: Decimal) => {
      const list = byFund.get(fund);
      if (list) list.push(amount);
      else byFund.set(fund, [amount]);
    };
    for (const l of budget.basicExpenditure) add(l.fund, l.amount);
    for (const p of budget.projects) add(p.fund, p.amount);
    for (const fund of FUNDS) {
      const carry = (CARRYOVER_FUNDS as readonly string[]).includes(fund) ? budget.income.carryover[fund as (typeof CARRYOVER_FUNDS)[number]] : ZERO;
      const amounts = byFund.get(fund) ?? [];
      if (!addsUp([budget.income[fund], carry], amounts)) {
        const income = budget.income[fund].plus(carry);
        const spending = sum(amounts);
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
