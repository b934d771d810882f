import type { Catalog } from "@/lib/catalog/catalog";
import type { FinalAccounts } from "./model";
import { narrativeOf, type FinalNarrative } from "./narrative";
import { FINAL_RULES, runFinalRules } from "./rules";
import type { Finding } from "@/lib/budget/rules/types";
import { finalContext } from "./tables/context";
import { tablesOf, type FinalTables } from "./tables";

export interface FinalEvaluation {
  tables: FinalTables;
  narrative: FinalNarrative;
  findings: Finding[];
}

/**
 * Tables, narrative and rule findings of a 决算, each computed once from one set of printed atoms:
 * the rules check the very tables and narrative figures that are shown.
 */
export function evaluateFinal(final: FinalAccounts, catalog: Catalog): FinalEvaluation {
  const ctx = finalContext(final, catalog);
  const tables = tablesOf(ctx);
  const narrative = narrativeOf(ctx, tables);
  const findings = runFinalRules({ ...ctx, tables, narrative: narrative.figures }, FINAL_RULES);
  return { tables, narrative, findings };
}

/** 部门决算情况说明 alone. */
export function buildFinalNarrative(final: FinalAccounts, catalog: Catalog): FinalNarrative {
  const ctx = finalContext(final, catalog);
  return narrativeOf(ctx, tablesOf(ctx));
}

/** Findings alone. */
export function checkFinal(final: FinalAccounts, catalog: Catalog): Finding[] {
  return evaluateFinal(final, catalog).findings;
}
