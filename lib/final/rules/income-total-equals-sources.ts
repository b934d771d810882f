import { parseWan, sum } from "@/lib/budget/money";
import { INCOME_SOURCES } from "@/lib/final/tables/types";
import { defineFinalRule } from "./types";

/** 收入合计 is the sum of its sources, in 收入支出决算总表 and in 收入决算表 alike. */
export const finalIncomeTotalEqualsSources = defineFinalRule({
  id: "final.income-total-equals-sources",
  severity: "error",
  title: "收入合计等于各收入来源之和",
  check({ tables }, report) {
    const { income } = tables.F1;
    const sources = sum(INCOME_SOURCES.map((s) => parseWan(income[s])));
    if (!sources.equals(parseWan(income.total))) {
      report("F1.income.total", `收入支出决算总表本年收入合计 ${income.total} 万元不等于各收入来源之和 ${sources.toFixed(2)} 万元`);
    }
    if (income.total !== tables.F2.total.total) {
      report("F2.total.total", `收入决算表合计 ${tables.F2.total.total} 万元与收入支出决算总表本年收入合计 ${income.total} 万元不一致`);
    }
    if (!parseWan(income.total).plus(parseWan(income.opening)).equals(parseWan(income.grandTotal))) {
      report("F1.income.grandTotal", `收入总计 ${income.grandTotal} 万元不等于本年收入合计 ${income.total} 万元 + 年初结转和结余 ${income.opening} 万元`);
    }
  },
});
