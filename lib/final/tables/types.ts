/**
 * The machine-readable form of the nine standard 部门决算公开 tables and the 项目支出绩效自评表
 * (docs/spec/final-tables.md). Amounts are strings in 万元 with two decimals ("1918.25"), as in
 * the budget tables; percentages are strings with two decimals ("100.00") or "" when undefined.
 */
import type { Operator } from "@/lib/budget/model";
import type { Amount, FiscalColumns, FunctionRowBase, SplitColumns, ThreePublicColumns } from "@/lib/budget/tables/types";

export type { Amount, FiscalColumns, SplitColumns, ThreePublicColumns } from "@/lib/budget/tables/types";

/** Income sources as 收入支出决算总表 lists them. */
export const INCOME_SOURCES = [
  "generalBudget",
  "governmentFund",
  "stateCapital",
  "superiorSubsidy",
  "operations",
  "business",
  "subordinateRemit",
  "other",
] as const;
export type IncomeSource = (typeof INCOME_SOURCES)[number];

export interface F1Summary {
  income: Record<IncomeSource, Amount> & { total: Amount; opening: Amount; grandTotal: Amount };
  expenditure: { byClass: { code: string; name: string; amount: Amount }[]; total: Amount; closing: Amount; grandTotal: Amount };
}

export interface F2IncomeColumns {
  total: Amount;
  fiscal: Amount;
  superiorSubsidy: Amount;
  operations: Amount;
  business: Amount;
  subordinateRemit: Amount;
  other: Amount;
}
export interface F2Income {
  total: F2IncomeColumns;
  rows: (FunctionRowBase & F2IncomeColumns)[];
}

export interface F3Expenditure {
  total: SplitColumns;
  rows: (FunctionRowBase & SplitColumns)[];
}

export interface F4FiscalSummary {
  income: { current: FiscalColumns; opening: FiscalColumns; total: Amount };
  expenditure: {
    byClass: ({ code: string; name: string } & FiscalColumns)[];
    current: FiscalColumns;
    closing: FiscalColumns;
    total: FiscalColumns;
  };
}

export type F5Columns = { initial: Amount } & SplitColumns;
export interface F5GeneralBudgetByFunction {
  total: F5Columns;
  rows: (FunctionRowBase & F5Columns)[];
}

export interface F6Columns {
  total: Amount;
  personnel: Amount;
  public: Amount;
}
export interface F6GeneralBudgetBasicByEconomic {
  total: F6Columns;
  rows: (FunctionRowBase & F6Columns)[];
}

export interface F7ThreePublic {
  /** 预算数: 全年预算数 (年初预算数 where not adjusted). */
  budget: ThreePublicColumns;
  actual: ThreePublicColumns;
}

export interface F8GovernmentFund {
  opening: Amount;
  income: Amount;
  closing: Amount;
  total: SplitColumns;
  rows: (FunctionRowBase & SplitColumns)[];
  note?: string;
}

export interface F9StateCapital {
  total: SplitColumns;
  rows: (FunctionRowBase & SplitColumns)[];
  note?: string;
}

export interface SelfIndicatorRow {
  level1: string;
  level2: string;
  name: string;
  unit: string;
  operator: Operator;
  value: string;
  weight: string;
  actual: string;
  /** 完成比例 (%), two decimals. */
  ratio: string;
  /** 指标得分, two decimals. */
  score: string;
  reason: string;
}

export interface FundingRow {
  budget: Amount;
  actual: Amount;
  /** 执行率 (%), two decimals; "" when the budget is zero. */
  rate: string;
}

export interface F10SelfEvaluation {
  title: string;
  project: { code: string; name: string };
  reportingUnit: string;
  department: string;
  implementer: string;
  contact: string;
  /** 自评总分 = the sum of the shown 指标得分. */
  score: string;
  funds: { total: FundingRow; superior: FundingRow; local: FundingRow };
  goal: string;
  outcome: string;
  indicators: SelfIndicatorRow[];
  weightTotal: string;
}

export interface FinalTables {
  unit: { code: string; name: string };
  year: number;
  F1: F1Summary;
  F2: F2Income;
  F3: F3Expenditure;
  F4: F4FiscalSummary;
  F5: F5GeneralBudgetByFunction;
  F6: F6GeneralBudgetBasicByEconomic;
  F7: F7ThreePublic;
  F8: F8GovernmentFund;
  F9: F9StateCapital;
  F10: F10SelfEvaluation[];
}

export type FinalTableId = "F1" | "F2" | "F3" | "F4" | "F5" | "F6" | "F7" | "F8" | "F9" | "F10";
