import Decimal from "decimal.js";
import { parseWan, sum } from "@/lib/budget/money";
import { fenOfString } from "@/lib/budget/compute/fen";
import type { Budget } from "@/lib/budget/model";
import type { ValidationError } from "@/lib/budget/validate";
import { defineRule, type RuleContext, type Severity } from "./types";

/** A printed table amount ("3.50") as a Decimal. */
export const printed = parseWan;

/** a > b for two printed table amounts: in fen when both are plain two-decimal amounts (fen.ts). */
export function printedGreater(a: string, b: string): boolean {
  const fa = fenOfString(a);
  const fb = fenOfString(b);
  if (fa !== undefined && fb !== undefined) return fa > fb;
  return printed(a).greaterThan(printed(b));
}

/** A printed table amount is zero. */
export function printedIsZero(a: string): boolean {
  const f = fenOfString(a);
  return f !== undefined ? f === 0n : printed(a).isZero();
}

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
