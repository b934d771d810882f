import type { Budget, PriorYear } from "@/lib/budget/model";
import type { Catalog } from "@/lib/catalog/catalog";
import { shownAmounts, type ShownAmounts } from "@/lib/budget/compute/shown-amounts";
import { priorYearOnCurrentCodes } from "@/lib/budget/compute/prior-year";
import { budgetFunctionTree, type FenTree } from "@/lib/budget/compute/fen-tree";
import { CHONGQING_TEMPLATE, templateFor, type DisclosureTemplate } from "./template";

export interface BuildOptions {
  /**
   * Last year's figures (the database maps last year's approved budget through the crosswalk);
   * default: budget.priorYear, its codes moved by the catalogue's 1:1 crosswalk.
   */
  prior?: PriorYear;
  template?: DisclosureTemplate;
  /** Build the template's whole set, ignoring the department's own (the rules cross-check every table). */
  fullSet?: boolean;
}

/** What every table builder reads: the budget, its printed atoms, and layout decisions. */
export interface TableContext {
  budget: Budget;
  catalog: Catalog;
  shown: ShownAmounts;
  /** The last-year figures `shown.prior` was printed from (traces show them as lines). */
  prior?: PriorYear;
  template: DisclosureTemplate;
  /** T2 shows the 上年预算数 column (needs last year's figures by function). */
  t2Prior: boolean;
  /** T4 shows the 上年预算数 block. */
  t4Prior: boolean;
  /**
   * The expenditure atoms on the function tree, built once (on first use) for every table that
   * groups them: T1, T2, T5, T6, T7, T8, T10, T12.
   */
  readonly functions: FenTree;
}

export function tableContext(budget: Budget, catalog: Catalog, options: BuildOptions = {}): TableContext {
  const base = options.template ?? CHONGQING_TEMPLATE;
  const template = options.fullSet ? base : templateFor(base, budget.disclosure?.tables);
  const prior = options.prior ?? priorYearOnCurrentCodes(budget.priorYear, catalog);
  const shown = shownAmounts(budget, prior);
  const byFunction = shown.prior?.byFunction !== undefined;
  const t2Prior = template.priorColumns !== "never" && byFunction;
  const t4Prior = template.priorColumns === "always" ? shown.prior !== undefined : template.priorColumns === "auto" && byFunction;
  let functions: FenTree | undefined;
  return {
    budget,
    catalog,
    shown,
    ...(prior ? { prior } : {}),
    template,
    t2Prior,
    t4Prior,
    get functions() {
      return (functions ??= budgetFunctionTree(shown, t2Prior ? shown.prior?.byFunction : undefined));
    },
  };
}
