/**
 * The domain model of one department's yearly budget — the contract between the package
 * format, the database layer, the tables, the narrative and the rules.
 *
 * `Budget` has exactly the shape and key names of budget-package/1 (docs/spec/budget-package.md)
 * with three differences:
 *  - every amount is a `Decimal` in 元 (never 万元, never a JS number); there is no `amountUnit`;
 *  - a missing amount is 0, a missing array is [], a missing object holding amounts or counts
 *    is present with zeros — so consumers never test for undefined money;
 *  - optional free TEXT stays optional (undefined ≠ ""), so an export reproduces its input;
 *    and `priorYear` / `priorYear.expenditureByFunction` stay optional, because "no prior-year
 *    data" (a first year) is not the same as "last year was zero" (it hides the 上年 columns).
 *
 * It is plain data (objects, arrays, strings, numbers, booleans and Decimal), no classes or
 * methods: the database layer builds it from rows (Decimal(18,2) in 元 maps one to one) and
 * hands it to buildTables / buildNarrative / checkBudget; budgetToPackage serializes it.
 */
import type Decimal from "decimal.js";
import type { PACKAGE_FORMAT, Fund, Operator, ProcurementCategory, ProjectTier, TableId } from "./package/constants";

export type { Fund, Operator, ProcurementCategory, ProjectTier, TableId } from "./package/schema";
export { FUNDS, CARRYOVER_FUNDS, OPERATORS, PROCUREMENT_CATEGORIES, PROJECT_TIERS, TABLE_IDS } from "./package/constants";

export interface Indicator {
  /** 一级指标 / 二级指标: absent when the published table has no such columns (a flat list). */
  level1?: string;
  level2?: string;
  name: string;
  unit?: string;
  operator: Operator;
  /** A number for comparison operators ("90"), text for 定性 ("明显改善"). */
  value: string;
  /** Not money: a percentage weight kept as written ("30"). */
  weight?: string;
  core: boolean;
}

export interface FundAmounts {
  generalBudget: Decimal;
  governmentFund: Decimal;
  stateCapital: Decimal;
  specialAccount: Decimal;
  operations: Decimal;
  superiorSubsidy: Decimal;
  subordinateRemit: Decimal;
  business: Decimal;
  other: Decimal;
}

export interface Income extends FundAmounts {
  carryover: { generalBudget: Decimal; governmentFund: Decimal; stateCapital: Decimal };
}

export interface BasicLine {
  /** 功能分类 项 code (7 digits). */
  function: string;
  /** 经济分类 款 code (5 digits). */
  economic: string;
  amount: Decimal;
  fund: Fund;
  /**
   * The unit (a unit.subUnits code) whose line this is. Set on a department's consolidated
   * budget (部门汇总, consolidate.ts), where every line keeps the unit it came from; absent on a
   * unit's own budget and on a department without units.
   */
  subUnit?: string;
}

export interface Project {
  code: string;
  name: string;
  subUnit: string;
  function: string;
  economic?: string;
  fund: Fund;
  amount: Decimal;
  ownArrangement: Decimal;
  superiorSubsidy: Decimal;
  category?: string;
  owner?: string;
  summary?: string;
  basis?: string;
  goal?: string;
  executionRateWeight?: string;
  disclose: boolean;
  /**
   * "program" = 一级项目: its 绩效目标表 is printed in the 一级项目 layout, where ownArrangement is
   * 部门留用 and superiorSubsidy is 补助街镇. Absent = an ordinary (二级) project.
   */
  tier?: ProjectTier;
  /** Code of the 一级项目 (a project with tier "program") this project belongs to. */
  program?: string;
  indicators: Indicator[];
}

export interface ThreePublic {
  abroad: Decimal;
  vehiclePurchase: Decimal;
  vehicleOperation: Decimal;
  reception: Decimal;
}

export interface ProcurementLine {
  category: ProcurementCategory;
  fund: Fund;
  amount: Decimal;
}

export interface VehicleCounts {
  general: number;
  lawEnforcement: number;
  other: number;
}

export interface Narrative {
  incomeChange?: string;
  expenditureChange?: string;
  basicChange?: string;
  basicUsage?: string;
  projectChange?: string;
  projectUsage?: string;
  threePublic: { abroad?: string; vehiclePurchase?: string; vehicleOperation?: string; reception?: string };
  operatingFundsChange?: string;
  operatingFundsUsage?: string;
  /** 专业性名词解释, one paragraph a line; absent = the standard text (narrative/sections.ts). */
  glossary?: string;
}

export interface PriorYear {
  /** General-budget 上年预算数 by 功能分类 项 code; 类/款 are summed. Absent = not known. */
  expenditureByFunction?: Record<string, Decimal>;
  basic: Decimal;
  project: Decimal;
  threePublic: ThreePublic;
  /** 机关运行经费 */
  operatingFunds: Decimal;
}

export interface Budget {
  format: typeof PACKAGE_FORMAT;
  kind: "budget" | "final";
  year: number;
  region: { code: string; name: string };
  unit: {
    code: string;
    name: string;
    functions: string[];
    structure?: string;
    subUnits: { code: string; name: string }[];
    performanceOffice?: string;
    contact: { name?: string; phone?: string };
  };
  income: Income;
  basicExpenditure: BasicLine[];
  projects: Project[];
  threePublic: ThreePublic;
  procurement: ProcurementLine[];
  assets: { asOf?: string; vehicles: VehicleCounts; plannedPurchase: VehicleCounts };
  performance: { goal?: string; indicators: Indicator[] };
  narrative: Narrative;
  /** Which tables this department publishes, in print order; absent = the region's template. */
  disclosure?: { tables?: TableId[] };
  priorYear?: PriorYear;
  /**
   * Set on a department's consolidated budget (部门汇总, consolidate.ts) only, never in a
   * package: each internal transfer between its units with both sides, as eliminated, for the
   * rule that the two sides match (consolidation.internal-transfers-match).
   */
  internalTransfers?: InternalTransfer[];
}

/**
 * 对附属单位补助 / 附属单位上缴 between two units of one department: what the paying units list
 * as a project of that category naming the receiving unit (`paid`), against the receiving unit's
 * 上级补助收入 / 附属单位上缴收入 (`received`).
 */
export interface InternalTransfer {
  kind: "subsidy" | "remit";
  /** Names of the paying units. */
  payers: string[];
  receiver: { code: string; name: string };
  paid: Decimal;
  received: Decimal;
}

// Conversions to and from budget-package/1: lib/budget/package/to-budget.ts and from-budget.ts
// (not re-exported here: they import the model's types, and a re-export would close a circle).
