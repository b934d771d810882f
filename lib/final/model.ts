/**
 * The domain model of one department's 部门决算 (final accounts) — what the 决算 tables, the
 * narrative and the rules read. Same conventions as lib/budget/model.ts: the package's shape and
 * key names, every amount a `Decimal` in 元, a missing amount 0, a missing array [], optional
 * free text stays optional, and `priorYear` stays optional (a first year has no 上年决算).
 */
import type Decimal from "decimal.js";
import type { Fund, Indicator, ThreePublic } from "@/lib/budget/model";
import type { PACKAGE_FORMAT } from "@/lib/budget/package/schema";
import type { VehicleType } from "./package/schema";

export type { VehicleType } from "./package/schema";
export { VEHICLE_TYPES } from "./package/schema";

/** 年初预算数 / 全年预算数 (调整后) / 决算数. */
export interface Columns {
  initial: Decimal;
  adjusted: Decimal;
  actual: Decimal;
}
export const COLUMN_KEYS = ["initial", "adjusted", "actual"] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

export interface IncomeLine {
  function: string;
  fund: Fund;
  amount: Decimal;
}

export interface FinalBasicLine extends Columns {
  function: string;
  economic: string;
  fund: Fund;
}

export interface SelfIndicator extends Indicator {
  actual: string;
  ratio?: string;
  score?: string;
  reason?: string;
}

export interface SelfEvaluation {
  department?: string;
  implementer?: string;
  contact?: string;
  budget: { superior: Decimal; local: Decimal };
  actual: { superior: Decimal; local: Decimal };
  goal?: string;
  outcome?: string;
  indicators: SelfIndicator[];
}

export interface FinalProject extends Columns {
  code: string;
  name: string;
  subUnit?: string;
  function: string;
  economic?: string;
  fund: Fund;
  selfEvaluation?: SelfEvaluation;
}

export type ThreePublicKey = keyof ThreePublic;
export const THREE_PUBLIC_KEYS = ["abroad", "vehiclePurchase", "vehicleOperation", "reception"] as const;

export interface ThreePublicQuantities {
  abroadGroups: number;
  abroadPeople: number;
  vehiclesPurchased: number;
  vehiclesHeld: number;
  domesticBatches: number;
  domesticPeople: number;
  foreignAffairsBatches: number;
  foreignAffairsPeople: number;
  overseasBatches: number;
  overseasPeople: number;
}

export interface Versus {
  prior?: string;
  initial?: string;
}

export interface FinalReasons {
  total?: string;
  income?: string;
  expenditure?: string;
  closing?: string;
  fiscal?: string;
  generalBudgetIncome: Versus;
  generalBudgetExpenditure: Versus;
  generalBudgetClosing?: string;
  byClass: Record<string, string>;
  personnel?: string;
  public?: string;
  governmentFundIncome?: string;
  governmentFundExpenditure?: string;
  threePublic: Record<ThreePublicKey | "total", Versus>;
  operatingFunds?: string;
  meetings?: string;
  training?: string;
}

export interface FinalUsages {
  personnel?: string;
  public?: string;
  abroad?: string;
  vehiclePurchase?: string;
  vehicleOperation?: string;
  reception?: string;
  operatingFunds?: string;
  procurement?: string;
}

export interface FinalPriorYear {
  income: Record<Fund, Decimal>;
  expenditure: Record<Fund, Decimal>;
  opening: Record<Fund, Decimal>;
  closing: Record<Fund, Decimal>;
  personnel: Decimal;
  public: Decimal;
  operatingFunds: Decimal;
  meetings: Decimal;
  training: Decimal;
  threePublic: ThreePublic;
}

export interface FinalAccounts {
  format: typeof PACKAGE_FORMAT;
  kind: "final";
  year: number;
  region: { code: string; name: string };
  unit: {
    code: string;
    name: string;
    functions: string[];
    structure?: string;
    composition?: string;
    subUnits: { code: string; name: string }[];
    contact: { name?: string; phone?: string };
  };
  income: IncomeLine[];
  carryover: { opening: Record<Fund, Decimal>; closing: Record<Fund, Decimal> };
  basicExpenditure: FinalBasicLine[];
  projects: FinalProject[];
  threePublic: Record<ThreePublicKey, Columns> & { quantities: ThreePublicQuantities };
  meetings: Decimal;
  training: Decimal;
  assets: {
    asOf?: string;
    vehicles: Record<VehicleType, number>;
    generalEquipmentOver50: number;
    specialEquipmentOver100: number;
  };
  procurement: { goods: Decimal; works: Decimal; services: Decimal; smallMedium: Decimal; micro: Decimal };
  /**
   * 开展绩效自评的项目数 and 涉及资金: computed from the self-evaluations the package holds; entered
   * only when the package does not carry every 自评表 (an import of a published document).
   */
  performance: { evaluatedProjects?: number; evaluatedFunds?: Decimal; keyEvaluation?: string; summary?: string };
  reasons: FinalReasons;
  usages: FinalUsages;
  priorYear?: FinalPriorYear;
}

export { packageToFinal } from "./package/to-final";
