import Decimal from "decimal.js";
import { parseWan, sum } from "@/lib/budget/money";
import type { Budget } from "@/lib/budget/model";
import type { ValidationError } from "@/lib/budget/validate";
import { defineRule, type RuleContext, type Severity } from "./types";

/** A printed table amount ("3.50") as a Decimal. */
export const printed = parseWan;

/** General-budget basic lines on one economic 款, in 元. */
export function generalBudgetBasicOn(budget: Budget, economic: string): Decimal {
  return sum(budget.basicExpenditure.filter((l) => l.fund === "generalBudget" && l.economic === economic).map((l) => l.amount));
}

/** A rule that reports the importer's semantic checks (validate.ts) by name. */
export function ruleFromValidation(id: string, title: string, run: (ctx: RuleContext) => ValidationError[], severity: Severity = "error") {
  return defineRule({
    id,
    severity,
    title,
    check(ctx, report) {
      for (const e of run(ctx)) report(e.path, e.message);
    },
  });
}
