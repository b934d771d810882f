import type { Budget } from "@/lib/budget/model";
import type { Catalog } from "@/lib/catalog/catalog";
import { tableContext, type BuildOptions, type TableContext } from "./context";
import { buildT1 } from "./t1-fiscal-summary";
import { buildT2 } from "./t2-general-budget-by-function";
import { buildT3 } from "./t3-general-budget-basic-by-economic";
import { buildT4 } from "./t4-three-public";
import { buildT5 } from "./t5-government-fund";
import { buildT6 } from "./t6-department-summary";
import { buildT7 } from "./t7-department-income";
import { buildT8 } from "./t8-department-expenditure";
import { buildT9 } from "./t9-procurement";
import { buildT10 } from "./t10-department-performance";
import { buildT11 } from "./t11-project-performance";
import { buildT12 } from "./t12-state-capital";
import type { DisclosureTables, TableId } from "./types";

export type { BuildOptions } from "./context";
export type { DisclosureTemplate } from "./template";
export { CHONGQING_TEMPLATE, ALL_TABLES, templateFor } from "./template";
export type * from "./types";

const BUILDERS: { [K in TableId]: (ctx: TableContext) => NonNullable<DisclosureTables[K]> } = {
  T1: buildT1,
  T2: buildT2,
  T3: buildT3,
  T4: buildT4,
  T5: buildT5,
  T6: buildT6,
  T7: buildT7,
  T8: buildT8,
  T9: buildT9,
  T10: buildT10,
  T11: buildT11,
  T12: buildT12,
};

/**
 * The disclosure tables of a budget, in the template's table set (default: the Chongqing set
 * T1–T11), or the department's own set when the budget names one (budget.disclosure.tables).
 */
export function buildTables(budget: Budget, catalog: Catalog, options: BuildOptions = {}): DisclosureTables {
  return tablesOf(tableContext(budget, catalog, options));
}

/** The tables of a context already made (the printed atoms are computed once per disclosure). */
export function tablesOf(ctx: TableContext): DisclosureTables {
  const budget = ctx.budget;
  const out: DisclosureTables = { unit: { code: budget.unit.code, name: budget.unit.name }, year: budget.year };
  for (const { id } of ctx.template.tables) {
    (out as unknown as Record<string, unknown>)[id] = BUILDERS[id](ctx);
  }
  return out;
}
