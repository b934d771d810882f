import { wanOfYuanText } from "@/lib/format";
import { sum } from "@/lib/budget/money";
import { FUNDS } from "@/lib/budget/model";
import { FUND_LABELS } from "@/lib/budget/package/labels";
import { defineFinalRule } from "./types";

/** Per fund, to the fen: 年初结转和结余 + 本年收入 = 本年支出（决算数） + 年末结转和结余. */
export const finalBalanceFund = defineFinalRule({
  id: "final.balance-fund",
  severity: "error",
  title: "各资金来源：年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余",
  check({ final }, report) {
    for (const fund of FUNDS) {
      const income = sum(final.income.filter((l) => l.fund === fund).map((l) => l.amount));
      const spent = sum([
        ...final.basicExpenditure.filter((l) => l.fund === fund).map((l) => l.actual),
        ...final.projects.filter((p) => p.fund === fund).map((p) => p.actual),
      ]);
      const left = final.carryover.opening[fund].plus(income);
      const right = spent.plus(final.carryover.closing[fund]);
      if (!left.equals(right)) {
        report(
          `carryover.closing.${fund}`,
          `${FUND_LABELS[fund]}收支不平衡：年初结转和结余 ${wanOfYuanText(final.carryover.opening[fund])} + 本年收入 ${wanOfYuanText(income)} = ${wanOfYuanText(left)}，` +
            `本年支出 ${wanOfYuanText(spent)} + 年末结转和结余 ${wanOfYuanText(final.carryover.closing[fund])} = ${wanOfYuanText(right)}，相差 ${left.minus(right).abs().toFixed(2)} 元`,
        );
      }
    }
  },
});
