import type { Budget } from "./model";
import type { Catalog } from "@/lib/catalog/catalog";
import { buildNarrative, type Narrative } from "./narrative";
import { ruleContext, runRules } from "./rules";
import type { Finding } from "./rules/types";
import { buildTables, type BuildOptions, type DisclosureTables } from "./tables";

export interface BudgetEvaluation {
  tables: DisclosureTables;
  narrative: Narrative;
  findings: Finding[];
}

/**
 * Tables, narrative and rule findings of a budget, each computed once: the rules check the very
 * tables and narrative figures that are shown (checkBudget alone would build them again).
 */
export function evaluateBudget(budget: Budget, catalog: Catalog, options: BuildOptions = {}): BudgetEvaluation {
  const tables = buildTables(budget, catalog, options);
  const narrative = buildNarrative(budget, catalog, options);
  // The rules need the full Chongqing set; a region's template or the department's own set may
  // publish fewer tables, and then the rules build their own.
  const full = options.template || budget.disclosure?.tables ? {} : { tables: tables as Required<DisclosureTables> };
  const findings = runRules(ruleContext(budget, catalog, { ...options, ...full, figures: narrative.figures }));
  return { tables, narrative, findings };
}
