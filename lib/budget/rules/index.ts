import type { NarrativeFigures } from "@/lib/budget/narrative";
import type { Budget } from "@/lib/budget/model";
import type { Catalog } from "@/lib/catalog/catalog";
import { buildTables, CHONGQING_TEMPLATE, type BuildOptions } from "@/lib/budget/tables";
import { tableContext } from "@/lib/budget/tables/context";
import type { ShownAmounts } from "@/lib/budget/compute/shown-amounts";
import { buildNarrative } from "@/lib/budget/narrative";
import type { DisclosureTables } from "@/lib/budget/tables/types";
import { balanceFund } from "./balance-fund";
import { consolidationInternalTransfersMatch } from "./consolidation-internal-transfers-match";
import { catalogueEconomicCodeValid } from "./catalogue-economic-code-valid";
import { catalogueFunctionCodeValid } from "./catalogue-function-code-valid";
import { catalogueNamesKnown } from "./catalogue-names-known";
import { indicatorOperatorValue } from "./indicator-operator-value";
import { indicatorsWeightsTotal100 } from "./indicators-weights-total-100";
import { indicatorsLevelsMissing } from "./indicators-levels-missing";
import { projectFieldsMissing } from "./project-fields-missing";
import { projectProgramKnown } from "./project-program-known";
import { textPlaceholder } from "./text-placeholder";
import { narrativeFiguresMatchTables } from "./narrative-figures-match-tables";
import { narrativeReasonRequiredWhenChanged } from "./narrative-reason-required-when-changed";
import { priorTotalConsistent } from "./prior-total-consistent";
import { projectCodeUnique } from "./project-code-unique";
import { projectDisclosedWithoutIndicators } from "./project-disclosed-without-indicators";
import { projectFundingSplit } from "./project-funding-split";
import { projectSubunitKnown } from "./project-subunit-known";
import { tablesFiscalSummaryMatchesDepartmentSummary } from "./tables-fiscal-summary-matches-department-summary";
import { tablesGeneralBudgetWithinTotal } from "./tables-general-budget-within-total";
import { tablesPersonnelPlusPublicEqualsBasic } from "./tables-personnel-plus-public-equals-basic";
import { tablesTotalsEqualRows } from "./tables-totals-equal-rows";
import { threePublicReceptionCoversBasic } from "./three-public-reception-covers-basic";
import { threePublicVehicleOperationCoversBasic } from "./three-public-vehicle-operation-covers-basic";
import { threePublicVehiclesMatchAssets } from "./three-public-vehicles-match-assets";
import { textDepartmentUnitTitle } from "./text-department-unit-title";
import { textGrowthFromZeroBase } from "./text-growth-from-zero-base";
import { textPercentMatchesAmounts } from "./text-percent-matches-amounts";
import { textReasonFiguresMatch } from "./text-reason-figures-match";
import { textUnitsMixed } from "./text-units-mixed";
import { unitFunctionsRequired } from "./unit-functions-required";
import { unitStructureRequired } from "./unit-structure-required";
import type { Finding, Rule, RuleContext } from "./types";

export type { Finding, Rule, RuleContext, Severity } from "./types";

/** Every rule, in the order a reviewer reads the findings: data first, then tables, then text. */
export const RULES: readonly Rule[] = [
  catalogueFunctionCodeValid,
  catalogueEconomicCodeValid,
  projectCodeUnique,
  projectSubunitKnown,
  projectProgramKnown,
  textPlaceholder,
  balanceFund,
  consolidationInternalTransfersMatch,
  projectFundingSplit,
  priorTotalConsistent,
  threePublicReceptionCoversBasic,
  threePublicVehicleOperationCoversBasic,
  threePublicVehiclesMatchAssets,
  indicatorsWeightsTotal100,
  indicatorOperatorValue,
  projectDisclosedWithoutIndicators,
  projectFieldsMissing,
  indicatorsLevelsMissing,
  tablesTotalsEqualRows,
  tablesGeneralBudgetWithinTotal,
  tablesPersonnelPlusPublicEqualsBasic,
  tablesFiscalSummaryMatchesDepartmentSummary,
  narrativeFiguresMatchTables,
  narrativeReasonRequiredWhenChanged,
  unitFunctionsRequired,
  unitStructureRequired,
  textReasonFiguresMatch,
  textGrowthFromZeroBase,
  textPercentMatchesAmounts,
  textUnitsMixed,
  textDepartmentUnitTitle,
  catalogueNamesKnown,
];

export function findRule(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}

/**
 * The context of the rules. The tables are always the full set (a region's template may publish
 * fewer, but the cross-checks need them); pass `tables` to check a frozen published snapshot.
 */
export function ruleContext(
  budget: Budget,
  catalog: Catalog,
  options: BuildOptions & { tables?: Required<DisclosureTables>; figures?: NarrativeFigures; shown?: ShownAmounts } = {},
): RuleContext {
  const template = { ...(options.template ?? CHONGQING_TEMPLATE), tables: CHONGQING_TEMPLATE.tables };
  const build = { ...options, template, fullSet: true };
  return {
    budget,
    catalog,
    ...((options.prior ?? budget.priorYear) ? { prior: options.prior ?? budget.priorYear } : {}),
    // The printed atoms depend on the budget and its prior only, not on the template.
    shown: options.shown ?? tableContext(budget, catalog, build).shown,
    tables: options.tables ?? (buildTables(budget, catalog, build) as Required<DisclosureTables>),
    narrative: options.figures ?? buildNarrative(budget, catalog, build).figures,
  };
}

export function runRules(ctx: RuleContext, rules: readonly Rule[] = RULES): Finding[] {
  return rules.flatMap((r) => r.check(ctx));
}

/** All findings of a budget: errors block submission, warnings are for the reviewer. */
export function checkBudget(budget: Budget, catalog: Catalog, options: BuildOptions & { rules?: readonly Rule[] } = {}): Finding[] {
  return runRules(ruleContext(budget, catalog, options), options.rules);
}
