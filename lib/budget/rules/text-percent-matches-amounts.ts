import Decimal from "decimal.js";
import { defineRule } from "./types";
import { PERCENT, REASONS, clauseTarget, clauses, sameFigure } from "./text-numbers";

/** A percentage typed in a reason must be the change over last year's figure it names. */
export const textPercentMatchesAmounts = defineRule({
  id: "text.percent-matches-amounts",
  severity: "warning",
  title: "增减百分比须与金额一致",
  check({ budget, shown, narrative }, report) {
    for (const r of REASONS) {
      for (const clause of clauses(r.text(budget.narrative) ?? "")) {
        const percents = [...clause.matchAll(PERCENT)];
        if (percents.length !== 1) continue;
        const [, verb, typed] = percents[0]!;
        const target = clauseTarget(clause, r, budget, shown, narrative);
        if (target?.kind !== "change" || target.change.prior.isZero()) continue;
        const { change, prior, label } = target.change;
        const actual = change.dividedBy(prior).times(100);
        const down = /减少|下降|降低/.test(verb!);
        const wrongWay = !change.isZero() && down === change.isPositive();
        if (!sameFigure(typed!, actual) || wrongWay) {
          report(
            r.path,
            `“${clause}”写的是${verb}${typed}%，而${label}由 ${prior.toFixed(2)} 万元变为 ${prior.plus(change).toFixed(2)} 万元，${change.isNegative() ? "减少" : "增长"} ${actual.abs().toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2)}%`,
          );
        }
      }
    }
  },
});
