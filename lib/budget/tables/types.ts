/**
 * The machine-readable form of the standard disclosure (docs/spec/disclosure-tables.md).
 * Every amount is a string in 万元 with exactly two decimals and no separators ("2514.61").
 */
import type { Fund, Operator, ProcurementCategory } from "@/lib/budget/model";

export type { TableId } from "@/lib/budget/model";

export type Amount = string;

export type FiscalFund = "generalBudget" | "governmentFund" | "stateCapital";
export type FiscalColumns = { total: Amount } & Record<FiscalFund, Amount>;
export type FundColumns = { total: Amount } & Record<Fund, Amount>;

export interface T1FiscalSummary {
  income: { current: FiscalColumns; carryover: FiscalColumns; total: Amount };
  expenditure: {
    current: FiscalColumns;
    byClass: ({ code: string; name: string } & FiscalColumns)[];
    carryForward: FiscalColumns;
    total: FiscalColumns;
  };
}

export interface SplitColumns {
  total: Amount;
  basic: Amount;
  project: Amount;
}

export interface FunctionRowBase {
  code: string;
  name: string;
  level: number;
}

export type T2Row = FunctionRowBase & { prior?: Amount } & SplitColumns;
export interface T2GeneralBudgetByFunction {
  total: { prior?: Amount } & SplitColumns;
  rows: T2Row[];
}

export interface T3Columns {
  total: Amount;
  personnel: Amount;
  public: Amount;
}
export interface T3GeneralBudgetBasicByEconomic {
  total: T3Columns;
  rows: (FunctionRowBase & T3Columns)[];
}

export interface ThreePublicColumns {
  total: Amount;
  abroad: Amount;
  vehicle: Amount;
  vehiclePurchase: Amount;
  vehicleOperation: Amount;
  reception: Amount;
}
export interface T4ThreePublic {
  prior?: ThreePublicColumns;
  current: ThreePublicColumns;
}

export interface T5GovernmentFund {
  total: SplitColumns;
  rows: (FunctionRowBase & SplitColumns)[];
  note?: string;
}

/** 国有资本经营预算支出表: the same shape as 表五. */
export type T12StateCapital = T5GovernmentFund;

export interface T6DepartmentSummary {
  income: Record<Fund, Amount> & { carryover: Amount; total: Amount };
  expenditure: { byClass: { code: string; name: string; total: Amount }[]; total: Amount };
}

export interface T7DepartmentIncome {
  total: FundColumns;
  rows: (FunctionRowBase & FundColumns)[];
}

export interface T8DepartmentExpenditure {
  total: SplitColumns;
  rows: (FunctionRowBase & SplitColumns)[];
}

export interface T9Procurement {
  rows: ({ category: ProcurementCategory } & FundColumns)[];
  total: FundColumns;
  note?: string;
}

export interface IndicatorRow {
  level1: string;
  level2: string;
  name: string;
  unit: string;
  operator: Operator;
  value: string;
  weight: string;
  core: boolean;
}

export interface T10DepartmentPerformance {
  department: string;
  budgetTotal: Amount;
  performanceOffice: string;
  goal: string;
  indicators: IndicatorRow[];
}

export interface T11ProjectPerformance {
  title: string;
  /** Present for a 一级项目 table: ownArrangement is printed as 部门留用, superiorSubsidy as 补助街镇. */
  tier?: "program";
  /** The 一级项目 a project belongs to (its table follows the 一级项目's). */
  program?: { code: string; name: string };
  project: {
    code: string;
    name: string;
    subUnit: { code: string; name: string };
    department: string;
    executionRateWeight: string;
    category: string;
    amount: Amount;
    ownArrangement: Amount;
    superiorSubsidy: Amount;
    summary: string;
    basis: string;
    goal: string;
  };
  indicators: IndicatorRow[];
}

export interface DisclosureTables {
  unit: { code: string; name: string };
  year: number;
  T1?: T1FiscalSummary;
  T2?: T2GeneralBudgetByFunction;
  T3?: T3GeneralBudgetBasicByEconomic;
  T4?: T4ThreePublic;
  T5?: T5GovernmentFund;
  T6?: T6DepartmentSummary;
  T7?: T7DepartmentIncome;
  T8?: T8DepartmentExpenditure;
  T9?: T9Procurement;
  T10?: T10DepartmentPerformance;
  T11?: T11ProjectPerformance[];
  T12?: T12StateCapital;
}
