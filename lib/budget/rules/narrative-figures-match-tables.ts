import { defineRule } from "./types";

/** A number of the 情况说明 that is also printed in a table must be the same string. */
export const narrativeFiguresMatchTables = defineRule({
  id: "narrative.figures-match-tables",
  severity: "error",
  title: "情况说明中的数字与公开表格一致",
  check({ tables: t, narrative: n }, report) {
    const pairs: [string, string, string][] = [
      ["incomeTotal", t.T6.income.total, "表六收入合计"],
      ["incomeGeneralBudget", t.T6.income.generalBudget, "表六一般公共预算拨款"],
      ["expenditureTotal", t.T6.expenditure.total, "表六支出合计"],
      ["generalBudgetIncome", t.T1.income.current.generalBudget, "表一一般公共预算资金"],
      ["generalBudgetExpenditure", t.T2.total.total, "表二合计"],
      ["basic", t.T2.total.basic, "表二基本支出合计"],
      ["project", t.T2.total.project, "表二项目支出合计"],
      ["threePublicTotal", t.T4.current.total, "表四合计"],
      ["abroad", t.T4.current.abroad, "表四因公出国（境）费"],
      ["reception", t.T4.current.reception, "表四公务接待费"],
      ["vehicleOperation", t.T4.current.vehicleOperation, "表四公务用车运行费"],
      ["vehiclePurchase", t.T4.current.vehiclePurchase, "表四公务用车购置费"],
      ["operatingFunds", t.T3.total.public, "表三公用经费合计"],
      ["procurementTotal", t.T9.total.total, "表九合计"],
      ["procurementGeneralBudget", t.T9.total.generalBudget, "表九一般公共预算拨款"],
    ];
    for (const [key, table, where] of pairs) {
      if (n[key] !== undefined && n[key] !== table) {
        report(`narrative.${key}`, `情况说明中的 ${String(n[key])} 万元与${where} ${table} 万元不一致`);
      }
    }
    const byClass = n.expenditureByClass;
    if (typeof byClass === "object") {
      for (const row of t.T6.expenditure.byClass) {
        if (byClass[row.code] !== row.total) {
          report(`narrative.expenditureByClass.${row.code}`, `情况说明中的${row.name}支出 ${byClass[row.code] ?? "（缺）"} 万元与表六 ${row.total} 万元不一致`);
        }
      }
    }
  },
});
