import { printed, printedGreater } from "./helpers";
import { defineRule } from "./types";

/**
 * 表一 (fiscal money) and 表六 (all money) print the same fiscal income; each 类 of 表一 is at
 * most that 类 in 表六; both balance income against expenditure.
 */
export const tablesFiscalSummaryMatchesDepartmentSummary = defineRule({
  id: "tables.fiscal-summary-matches-department-summary",
  severity: "error",
  title: "财政拨款收支总表（表一）与部门收支总表（表六）一致且收支平衡",
  check({ tables: t }, report) {
    for (const f of ["generalBudget", "governmentFund", "stateCapital"] as const) {
      if (t.T1.income.current[f] !== t.T6.income[f]) {
        report(`T1.income.current.${f}`, `表一本年收入 ${f} ${t.T1.income.current[f]} 万元与表六 ${t.T6.income[f]} 万元不一致`);
      }
    }
    if (t.T1.income.carryover.total !== t.T6.income.carryover) {
      report("T1.income.carryover.total", `表一上年结转 ${t.T1.income.carryover.total} 万元与表六 ${t.T6.income.carryover} 万元不一致`);
    }
    const t6 = new Map(t.T6.expenditure.byClass.map((r) => [r.code, r.total]));
    t.T1.expenditure.byClass.forEach((r, i) => {
      const all = t6.get(r.code) ?? "0";
      if (printedGreater(r.total, all)) {
        report(`T1.expenditure.byClass[${i}]`, `表一 ${r.code} ${r.name} 财政拨款支出 ${r.total} 万元大于表六的 ${printed(all).toFixed(2)} 万元`);
      }
    });
    if (t.T1.income.total !== t.T1.expenditure.total.total) {
      report("T1.expenditure.total", `表一收入合计 ${t.T1.income.total} 万元与支出合计 ${t.T1.expenditure.total.total} 万元不相等`);
    }
    if (t.T6.income.total !== t.T6.expenditure.total) {
      report("T6.expenditure.total", `表六收入合计 ${t.T6.income.total} 万元与支出合计 ${t.T6.expenditure.total} 万元不相等`);
    }
  },
});
