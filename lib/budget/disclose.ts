import Decimal from "decimal.js";
import type { Budget, PriorYear } from "./model";
import type { Catalog } from "@/lib/catalog/catalog";
import { formatWan, parseWan } from "./money";
import { buildNarrative, type Narrative } from "./narrative";
import { ruleContext, runRules } from "./rules";
import type { Finding } from "./rules/types";
import { tablesOf, type DisclosureTables } from "./tables";
import { tableContext } from "./tables/context";
import { buildT8 } from "./tables/t8-department-expenditure";

/** What the engine needs to disclose a budget: lib/db's EngineInput is one. */
export interface DisclosureInput {
  budget: Budget;
  catalog: Catalog;
  /** Last year's approved budget as the database knows it; default: the budget's own 上年 entry. */
  prior?: PriorYear;
}

/**
 * The headline figures of a disclosure, machine-form 万元: what the district page, the open-data
 * list and the dashboard print for one budget. Frozen with the snapshot, never recomputed.
 */
export interface DisclosureSummary {
  /** All money (T8 合计). */
  total: string;
  basic: string;
  project: string;
  /** “三公”经费 (T4 本年合计). */
  threePublic: string;
  /** 上年预算数, the very figure the narrative's “比上年” subtracts; absent for a first year. */
  priorTotal?: string;
  /** total − priorTotal, signed ("-375.61"): the narrative's expenditureChange. */
  change?: string;
  /** Spending by function 类 (all money, T8). */
  byClass: { code: string; name: string; total: string }[];
}

export interface Disclosure {
  tables: DisclosureTables;
  narrative: Narrative;
  findings: Finding[];
  summary: DisclosureSummary;
}

/**
 * Everything published about a budget — tables, narrative, rule findings and the summary
 * figures — computed once from one input with one prior year, so no figure can disagree with
 * another: the preview, the freeze, the reviewer, the dashboard and submission all read this.
 * The rules check the very tables and narrative figures that are shown.
 */
export function discloseBudget(input: DisclosureInput): Disclosure {
  const { budget, catalog } = input;
  const options = input.prior ? { prior: input.prior } : {};
  // The printed atoms (one rounding of every amount) are computed once and read by the tables,
  // the narrative and the rules alike.
  const ctx = tableContext(budget, catalog, options);
  const tables = tablesOf(ctx);
  const narrative = buildNarrative(budget, catalog, options, { ctx, tables });
  // The rules need the full Chongqing set; a region's template or the department's own set may
  // publish fewer tables, and then the rules build their own.
  const full = budget.disclosure?.tables ? {} : { tables: tables as Required<DisclosureTables> };
  const findings = runRules(ruleContext(budget, catalog, { ...options, ...full, figures: narrative.figures, shown: ctx.shown }));
  const t8 = tables.T8 ?? buildT8(ctx);
  const figure = (key: string) => {
    const v = narrative.figures[key];
    return typeof v === "string" ? v : undefined;
  };
  const change = figure("expenditureChange");
  const summary: DisclosureSummary = {
    total: t8.total.total,
    basic: t8.total.basic,
    project: t8.total.project,
    threePublic: figure("threePublicTotal") ?? "0.00",
    // The narrative prints 本年 − 上年; 上年 is read back from the same two printed figures.
    ...(change !== undefined ? { priorTotal: formatWan(parseWan(t8.total.total).minus(parseWan(change))), change } : {}),
    byClass: t8.rows.filter((r) => r.level === 1).map((r) => ({ code: r.code, name: r.name, total: r.total })),
  };
  return { tables, narrative, findings, summary };
}

/**
 * The summary of a snapshot frozen before summaries were stored: read from its frozen tables
 * alone (上年 = T2 上年 合计, what its narrative subtracted), never from the package's stored
 * 上年, which may be stale or round differently.
 */
export function summaryFromTables(tables: DisclosureTables): DisclosureSummary {
  const t8 = tables.T8;
  const total = t8?.total.total ?? "0.00";
  const prior = tables.T2?.total.prior;
  return {
    total,
    basic: t8?.total.basic ?? "0.00",
    project: t8?.total.project ?? "0.00",
    threePublic: tables.T4?.current.total ?? "0.00",
    ...(prior !== undefined ? { priorTotal: prior, change: formatWan(new Decimal(total).minus(prior)) } : {}),
    byClass: (t8?.rows ?? []).filter((r) => r.level === 1).map((r) => ({ code: r.code, name: r.name, total: r.total })),
  };
}
