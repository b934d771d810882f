import { FUND_LABELS } from "@/lib/budget/package/labels";
import type { CellRef } from "@/lib/budget/trace";
import { INCOME_SOURCES, type FinalTables } from "@/lib/final/tables/types";

/**
 * Addresses of every amount cell of the 决算 tables (docs/spec/final-tables.md, "Traces"): a row
 * is a subject code (功能 类/款/项, 经济 类/款), a project code (F10) or the key of a fixed row; a
 * column is the table's JSON key. The open data, the page links and the tests all read this list.
 */
export const TOTAL_ROW = "total";

export const FINAL_TRACE_TABLE_LABELS: Record<string, string> = {
  F1: "财决公开01 收入支出决算总表",
  F2: "财决公开02 收入决算表",
  F3: "财决公开03 支出决算表",
  F4: "财决公开04 财政拨款收入支出决算总表",
  F5: "财决公开05 一般公共预算财政拨款支出决算表",
  F6: "财决公开06 一般公共预算财政拨款基本支出决算表",
  F7: "财决公开07 一般公共预算财政拨款“三公”经费支出决算表",
  F8: "财决公开08 政府性基金预算财政拨款收入支出决算表",
  F9: "财决公开09 国有资本经营预算财政拨款支出决算表",
  F10: "项目支出绩效自评表",
};

export const FINAL_COLUMN_NAMES: Record<string, string> = {
  ...FUND_LABELS,
  amount: "决算数",
  total: "合计",
  basic: "基本支出",
  project: "项目支出",
  initial: "年初预算数",
  fiscal: "财政拨款收入",
  superiorSubsidy: "上级补助收入",
  operations: "事业收入",
  business: "经营收入",
  subordinateRemit: "附属单位上缴收入",
  other: "其他收入",
  personnel: "人员经费",
  public: "公用经费",
  abroad: "因公出国（境）费",
  vehicle: "公务用车购置及运行费",
  vehiclePurchase: "公务用车购置费",
  vehicleOperation: "公务用车运行费",
  reception: "公务接待费",
  budgetTotal: "全年预算数（A）· 年度资金总额",
  budgetSuperior: "全年预算数（A）· 上级资金",
  budgetLocal: "全年预算数（A）· 本级资金",
  actualTotal: "全年执行数（B）· 年度资金总额",
  actualSuperior: "全年执行数（B）· 上级资金",
  actualLocal: "全年执行数（B）· 本级资金",
};

export const FINAL_INCOME_SOURCE_LABELS: Record<string, string> = {
  generalBudget: "一般公共预算财政拨款收入",
  governmentFund: "政府性基金预算财政拨款收入",
  stateCapital: "国有资本经营预算财政拨款收入",
  superiorSubsidy: "上级补助收入",
  operations: "事业收入",
  business: "经营收入",
  subordinateRemit: "附属单位上缴收入",
  other: "其他收入",
};

/** Fixed rows and their Chinese names (F1 and F4 use income/opening/incomeTotal on the left, expenditure/closing/expenditureTotal on the right). */
export const FINAL_FIXED_ROWS: Record<string, string> = {
  ...FINAL_INCOME_SOURCE_LABELS,
  total: "合计",
  income: "本年收入",
  opening: "年初结转和结余",
  incomeTotal: "收入总计",
  expenditure: "本年支出",
  closing: "年末结转和结余",
  expenditureTotal: "支出总计",
  budget: "预算数",
  actual: "决算数",
};

const AMOUNT = /^-?\d+\.\d{2}$/;

function amountColumns(row: object, only?: readonly string[]): [string, string][] {
  return Object.entries(row).filter(
    (e): e is [string, string] => (only ? only.includes(e[0]) : !["code", "name", "level"].includes(e[0])) && typeof e[1] === "string" && AMOUNT.test(e[1]),
  );
}

/** Every amount cell of the 决算 tables, in print order. */
export function printedFinalCells(t: FinalTables): CellRef[] {
  const out: CellRef[] = [];
  const push = (table: string, row: string, rowName: string, cols: object, only?: readonly string[]) => {
    for (const [column, value] of amountColumns(cols, only)) {
      out.push({ table, row, column, value, label: `${rowName} · ${FINAL_COLUMN_NAMES[column] ?? column}` });
    }
  };
  const tree = (id: string, x: { total: object; rows: { code: string; name: string }[] }) => {
    push(id, TOTAL_ROW, "合计", x.total);
    for (const r of x.rows) push(id, r.code, `${r.code} ${r.name}`, r);
  };
  const { F1, F4, F7, F8 } = t;
  for (const s of INCOME_SOURCES) push("F1", s, FINAL_INCOME_SOURCE_LABELS[s]!, { amount: F1.income[s] });
  push("F1", "income", "本年收入合计", { amount: F1.income.total });
  push("F1", "opening", "年初结转和结余", { amount: F1.income.opening });
  push("F1", "incomeTotal", "收入总计", { amount: F1.income.grandTotal });
  for (const c of F1.expenditure.byClass) push("F1", c.code, `${c.code} ${c.name}`, { amount: c.amount });
  push("F1", "expenditure", "本年支出合计", { amount: F1.expenditure.total });
  push("F1", "closing", "年末结转和结余", { amount: F1.expenditure.closing });
  push("F1", "expenditureTotal", "支出总计", { amount: F1.expenditure.grandTotal });
  tree("F2", t.F2);
  tree("F3", t.F3);
  push("F4", "income", "本年收入", F4.income.current);
  push("F4", "opening", "年初财政拨款结转和结余", F4.income.opening);
  push("F4", "incomeTotal", "收入总计", { total: F4.income.total });
  push("F4", "expenditure", "本年支出", F4.expenditure.current);
  for (const c of F4.expenditure.byClass) push("F4", c.code, `${c.code} ${c.name}`, c);
  push("F4", "closing", "年末财政拨款结转和结余", F4.expenditure.closing);
  push("F4", "expenditureTotal", "支出总计", F4.expenditure.total);
  tree("F5", t.F5);
  tree("F6", t.F6);
  push("F7", "budget", "预算数", F7.budget);
  push("F7", "actual", "决算数", F7.actual);
  push("F8", "opening", "年初结转和结余", { total: F8.opening });
  push("F8", "income", "本年收入", { total: F8.income });
  tree("F8", F8);
  push("F8", "closing", "年末结转和结余", { total: F8.closing });
  tree("F9", t.F9);
  for (const e of t.F10) {
    const f = e.funds;
    push("F10", e.project.code, `${e.project.code} ${e.project.name}`, {
      budgetTotal: f.total.budget,
      budgetSuperior: f.superior.budget,
      budgetLocal: f.local.budget,
      actualTotal: f.total.actual,
      actualSuperior: f.superior.actual,
      actualLocal: f.local.actual,
    });
  }
  return out;
}

/** The printed value of one 决算 cell, or undefined when the tables have no such cell. */
export function printedFinalCell(t: FinalTables, table: string, row: string, column: string): CellRef | undefined {
  return printedFinalCells(t).find((c) => c.table === table && c.row === row && c.column === column);
}
