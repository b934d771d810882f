/**
 * The fixed vocabularies of budget-package/1, in a module that imports nothing: the model, the
 * schema and the converters all read them, so none has to import another for a constant.
 */

export const FUNDS = [
  "generalBudget",
  "governmentFund",
  "stateCapital",
  "specialAccount",
  "operations",
  "superiorSubsidy",
  "subordinateRemit",
  "business",
  "other",
] as const;
export type Fund = (typeof FUNDS)[number];

/** Funds that can carry money over from last year (上年结转), as in 表一. */
export const CARRYOVER_FUNDS = ["generalBudget", "governmentFund", "stateCapital"] as const;
export type CarryoverFund = (typeof CARRYOVER_FUNDS)[number];

export const OPERATORS = [">=", "<=", "=", ">", "<", "定性"] as const;
export type Operator = (typeof OPERATORS)[number];

export const PROCUREMENT_CATEGORIES = ["goods", "works", "services"] as const;
export type ProcurementCategory = (typeof PROCUREMENT_CATEGORIES)[number];

export const PACKAGE_FORMAT = "budget-package/1";

/**
 * Stable ids of the disclosure tables (docs/spec/disclosure-tables.md). T12 (国有资本经营预算支出表)
 * is published only by the regions and departments whose table set names it.
 */
export const TABLE_IDS = ["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "T10", "T11", "T12"] as const;
export type TableId = (typeof TABLE_IDS)[number];

/** 一级项目 ("program") or an ordinary / 二级 project (the default). */
export const PROJECT_TIERS = ["program", "project"] as const;
export type ProjectTier = (typeof PROJECT_TIERS)[number];
