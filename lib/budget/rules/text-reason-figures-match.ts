import { defineRule } from "./types";
import { AMOUNT_WAN, REASONS, clauseTarget, clauses, direction, sameFigure } from "./text-numbers";

/**
 * An amount typed in a reason ("主要是增加了信息中心网络专项经费 35.20 万元") must be the figure it
 * names: the project's amount, or the year-on-year change it explains (基本/项目 when named).
 * A warning at the reason, with both figures.
 */
export const textReasonFiguresMatch = defineRule({
  id: "text.reason-figures-match",
  severity: "warning",
  title: "增减原因中写的金额须与其所指的数据一致",
  check({ budget, shown, narrative }, report) {
    for (const r of REASONS) {
      const text = r.text(budget.narrative) ?? "";
      for (const clause of clauses(text)) {
        const amounts = [...clause.matchAll(AMOUNT_WAN)].map((m) => m[1]!);
        if (amounts.length !== 1) continue;
        const typed = amounts[0]!;
        const target = clauseTarget(clause, r, budget, shown, narrative);
        if (!target) continue;
        if (target.kind === "project") {
          if (!sameFigure(typed, target.amount)) {
            report(r.path, `“${clause}”写的是 ${typed} 万元，而项目“${target.name}”的金额为 ${target.amount.toFixed(2)} 万元`);
          }
          continue;
        }
        const { change } = target;
        const dir = direction(clause);
        const actualDir = change.change.isZero() ? undefined : change.change.isPositive() ? "up" : "down";
        if (!sameFigure(typed, change.change)) {
          report(
            r.path,
            `“${clause}”写的是 ${typed} 万元，而${change.label}比上年${actualDir === "down" ? "减少" : "增加"} ${change.change.abs().toFixed(2)} 万元`,
          );
        } else if (dir && actualDir && dir !== actualDir) {
          report(
            r.path,
            `“${clause}”写的是${dir === "up" ? "增加" : "减少"}，而${change.label}比上年${actualDir === "up" ? "增加" : "减少"} ${change.change.abs().toFixed(2)} 万元`,
          );
        }
      }
    }
  },
});
