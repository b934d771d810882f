import { FUNDS } from "@/lib/budget/model";
import { FUND_LABELS, PROCUREMENT_CATEGORY_LABELS } from "@/lib/budget/package/labels";
import type { DisclosureTables } from "@/lib/budget/tables/types";
import type { CellRef } from "./types";

/**
 * Addresses of every amount cell of a set of tables (docs/spec/disclosure-tables.md, "Traces"):
 * a row is a subject code or the key of a fixed row, a column the table's JSON key.
 */
export const TOTAL_ROW = "total";

export const TABLE_LABELS: Record<string, string> = {
  T1: "表一 财政拨款收支总表",
  T2: "表二 一般公共预算财政拨款支出预算表",
  T3: "表三 一般公共预算财政拨款基本支出预算表",
  T4: "表四 一般公共预算“三公”经费支出表",
  T5: "表五 政府性基金预算支出表",
  T6: "表六 部门收支总表",
  T7: "表七 部门收入总表",
  T8: "表八 部门支出总表",
  T9: "表九 政府采购预算明细表",
  T10: "表十 部门（单位）整体支出绩效目标表",
  T11: "表十一 项目支出绩效目标表",
  T12: "国有资本经营预算支出表",
};

export const COLUMN_LABELS: Record<string, string> = {
  ...FUND_LABELS,
  total: "合计",
  basic: "基本支出",
  project: "项目支出",
  prior: "上年预算数",
  personnel: "人员经费",
  public: "公用经费",
  abroad: "因公出国（境）费",
  vehicle: "公务用车购置及运行维护费",
  vehiclePurchase: "公务用车购置费",
  vehicleOperation: "公务用车运行维护费",
  reception: "公务接待费",
  amount: "项目金额",
  ownArrangement: "本级安排",
  superiorSubsidy: "上级补助",
  budgetTotal: "部门支出预算总额",
};

/** Fixed rows (not subject codes) and their Chinese names. */
export const FIXED_ROW_LABELS: Record<string, string> = {
  total: "合计",
  income: "本年收入",
  carryover: "上年结转",
  incomeTotal: "收入总计",
  expenditure: "本年支出",
  carryForward: "结转下年",
  expenditureTotal: "支出总计",
  current: "本年预算数",
  prior: "上年预算数",
  budget: "部门支出预算",
  ...FUND_LABELS,
  ...PROCUREMENT_CATEGORY_LABELS,
};

const AMOUNT = /^-?\d+\.\d{2}$/;

function amountColumns(row: object): [string, string][] {
  return Object.entries(row).filter((e): e is [string, string] => !["code", "name", "level"].includes(e[0]) && typeof e[1] === "string" && AMOUNT.test(e[1]));
}

/** Every amount cell of `tables`, in print order. */
export function printedCells(tables: DisclosureTables): CellRef[] {
  const out: CellRef[] = [];
  const push = (table: string, row: string, rowName: string, cols: object) => {
    for (const [column, value] of amountColumns(cols)) {
      out.push({ table, row, column, value, label: `${rowName} · ${COLUMN_LABELS[column] ?? column}` });
    }
  };
  const tree = (id: string, t?: { total: object; rows: { code: string; name: string }[] }) => {
    if (!t) return;
    push(id, TOTAL_ROW, "合计", t.total);
    for (const r of t.rows) push(id, r.code, `${r.code} ${r.name}`, r);
  };
  const { T1, T4, T6, T9, T10, T11 } = tables;
  if (T1) {
    push("T1", "income", "本年收入", T1.income.current);
    push("T1", "carryover", "上年结转", T1.income.carryover);
    push("T1", "incomeTotal", "收入总计", { total: T1.income.total });
    push("T1", "expenditure", "本年支出", T1.expenditure.current);
    for (const c of T1.expenditure.byClass) push("T1", c.code, `${c.code} ${c.name}`, c);
    push("T1", "carryForward", "结转下年", T1.expenditure.carryForward);
    push("T1", "expenditureTotal", "支出总计", T1.expenditure.total);
  }
  tree("T2", tables.T2);
  tree("T3", tables.T3);
  if (T4) {
    if (T4.prior) push("T4", "prior", "上年预算数", T4.prior);
    push("T4", "current", "本年预算数", T4.current);
  }
  tree("T5", tables.T5);
  if (T6) {
    for (const f of FUNDS) push("T6", f, FUND_LABELS[f], { total: T6.income[f] });
    push("T6", "carryover", "上年结转", { total: T6.income.carryover });
    push("T6", "incomeTotal", "收入总计", { total: T6.income.total });
    for (const c of T6.expenditure.byClass) push("T6", c.code, `${c.code} ${c.name}`, { total: c.total });
    push("T6", "expenditureTotal", "支出总计", { total: T6.expenditure.total });
  }
  tree("T7", tables.T7);
  tree("T8", tables.T8);
  if (T9) {
    for (const r of T9.rows) push("T9", r.category, PROCUREMENT_CATEGORY_LABELS[r.category], r);
    push("T9", TOTAL_ROW, "合计", T9.total);
  }
  if (T10) push("T10", "budget", "部门支出预算", { budgetTotal: T10.budgetTotal });
  for (const t of T11 ?? []) {
    const { amount, ownArrangement, superiorSubsidy } = t.project;
    push("T11", t.project.code, `${t.project.code} ${t.project.name}`, { amount, ownArrangement, superiorSubsidy });
  }
  tree("T12", tables.T12);
  return out;
}

/** The printed value of one cell, or undefined when the tables have no such cell. */
export function printedCell(tables: DisclosureTables, table: string, row: string, column: string): CellRef | undefined {
  return printedCells(tables).find((c) => c.table === table && c.row === row && c.column === column);
}
