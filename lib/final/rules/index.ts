import type { Finding } from "@/lib/budget/rules/types";
import { finalBalanceFund } from "./balance-fund";
import { finalCatalogueCodesValid } from "./catalogue-codes-valid";
import { finalEvaluatedCoverage } from "./evaluated-coverage";
import { finalExpenditureTotalEqualsBasicPlusProject } from "./expenditure-total-equals-basic-plus-project";
import { finalIncomeTotalEqualsSources } from "./income-total-equals-sources";
import { finalPriorBalance } from "./prior-balance";
import { finalProcurementShares } from "./procurement-shares";
import { finalReasonRequiredOverThreshold } from "./reason-required-over-threshold";
import { finalSelfEvaluationActualEqualsProject } from "./self-evaluation-actual-equals-project";
import { finalSelfEvaluationBudgetEqualsProject } from "./self-evaluation-budget-equals-project";
import { finalSelfEvaluationReasonWhenMissed } from "./self-evaluation-reason-when-missed";
import { finalSelfEvaluationScores } from "./self-evaluation-scores";
import { finalTablesTotalsEqualRows } from "./tables-totals-equal-rows";
import { finalThreePublicMatchesLines } from "./three-public-matches-lines";
import { finalVehiclesHeldMatchAssets } from "./vehicles-held-match-assets";
import type { FinalRule, FinalRuleContext } from "./types";

export type { FinalRule, FinalRuleContext } from "./types";

/** Every 决算 rule, in the order a reviewer reads the findings: data first, then tables, then text. */
export const FINAL_RULES: readonly FinalRule[] = [
  finalCatalogueCodesValid,
  finalBalanceFund,
  finalPriorBalance,
  finalThreePublicMatchesLines,
  finalSelfEvaluationActualEqualsProject,
  finalSelfEvaluationBudgetEqualsProject,
  finalSelfEvaluationScores,
  finalSelfEvaluationReasonWhenMissed,
  finalEvaluatedCoverage,
  finalProcurementShares,
  finalVehiclesHeldMatchAssets,
  finalIncomeTotalEqualsSources,
  finalExpenditureTotalEqualsBasicPlusProject,
  finalTablesTotalsEqualRows,
  finalReasonRequiredOverThreshold,
];

export function runFinalRules(ctx: FinalRuleContext, rules: readonly FinalRule[] = FINAL_RULES): Finding[] {
  return rules.flatMap((r) => r.check(ctx));
}
