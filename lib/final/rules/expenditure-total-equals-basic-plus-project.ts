import { parseWan } from "@/lib/budget/money";
import { defineFinalRule } from "./types";

/** 支出合计 = 基本支出 + 项目支出, and the same 合计 in 收入支出决算总表 and 支出决算表. */
export const finalExpenditureTotalEqualsBasicPlusProject = defineFinalRule({
  id: "final.expenditure-total-equals-basic-plus-project",
  severity: "error",
  title: "支出合计等于基本支出与项目支出之和",
  check({ tables }, report) {
    const t = tables.F3.total;
    if (!parseWan(t.basic).plus(parseWan(t.project)).equals(parseWan(t.total))) {
      report("F3.total.total", `支出决算表合计 ${t.total} 万元不等于基本支出 ${t.basic} 万元 + 项目支出 ${t.project} 万元`);
    }
    if (tables.F1.expenditure.total !== t.total) {
      report("F1.expenditure.total", `收入支出决算总表本年支出合计 ${tables.F1.expenditure.total} 万元与支出决算表合计 ${t.total} 万元不一致`);
    }
    const e = tables.F1.expenditure;
    if (!parseWan(e.total).plus(parseWan(e.closing)).equals(parseWan(e.grandTotal))) {
      report("F1.expenditure.grandTotal", `支出总计 ${e.grandTotal} 万元不等于本年支出合计 ${e.total} 万元 + 年末结转和结余 ${e.closing} 万元`);
    }
    if (e.grandTotal !== tables.F1.income.grandTotal) {
      report("F1.expenditure.grandTotal", `支出总计 ${e.grandTotal} 万元与收入总计 ${tables.F1.income.grandTotal} 万元不一致`);
    }
  },
});
