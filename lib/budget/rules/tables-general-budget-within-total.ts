import { printed, printedGreater, printedIsZero } from "./helpers";
import { defineRule } from "./types";

/** T2 (general-budget money) ⊆ T8 (all money): no function row may show more general-budget money than money in total. */
export const tablesGeneralBudgetWithinTotal = defineRule({
  id: "tables.general-budget-within-total",
  severity: "error",
  title: "一般公共预算支出（表二）不超过部门支出（表八）",
  check({ tables }, report) {
    const t8 = new Map(tables.T8.rows.map((r) => [r.code, r]));
    tables.T2.rows.forEach((row, i) => {
      const all = t8.get(row.code);
      for (const col of ["total", "basic", "project"] as const) {
        if (printedIsZero(row[col])) continue;
        const whole = all ? all[col] : "0";
        if (printedGreater(row[col], whole)) {
          report(
            `T2.rows[${i}].${col}`,
            `表二 ${row.code} ${row.name} 的${col === "total" ? "总计" : col === "basic" ? "基本支出" : "项目支出"} ${row[col]} 万元大于表八的 ${printed(whole).toFixed(2)} 万元`,
          );
        }
      }
    });
  },
});
