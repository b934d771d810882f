import { wanOfYuanText } from "@/lib/format";
import { sum } from "@/lib/budget/money";
import { FUNDS } from "@/lib/budget/model";
import { defineFinalRule } from "./types";

/** 上年决算 must balance too, or every year-on-year sentence compares with a wrong 总计. */
export const finalPriorBalance = defineFinalRule({
  id: "final.prior-balance",
  severity: "error",
  title: "上年决算数收支平衡",
  check({ final }, report) {
    const p = final.priorYear;
    if (!p) return;
    const total = (r: typeof p.income) => sum(FUNDS.map((f) => r[f]));
    const left = total(p.income).plus(total(p.opening));
    const right = total(p.expenditure).plus(total(p.closing));
    if (!left.equals(right)) {
      report("priorYear", `上年决算数不平衡：本年收入 + 年初结转和结余 = ${wanOfYuanText(left)}，本年支出 + 年末结转和结余 = ${wanOfYuanText(right)}`);
    }
    for (const f of FUNDS) {
      if (!p.closing[f].equals(final.carryover.opening[f])) {
        report(
          `carryover.opening.${f}`,
          `本年年初结转和结余 ${wanOfYuanText(final.carryover.opening[f])} 不等于上年年末结转和结余 ${wanOfYuanText(p.closing[f])}（${f}）`,
        );
      }
    }
  },
});
