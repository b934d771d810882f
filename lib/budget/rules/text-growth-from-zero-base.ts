import { defineRule } from "./types";
import { PERCENT, REASONS, changeOf, clauses } from "./text-numbers";

/** A growth rate from a zero base is meaningless ("增长100%" of nothing): the item is 新增. */
export const textGrowthFromZeroBase = defineRule({
  id: "text.growth-from-zero-base",
  severity: "warning",
  title: "上年为零时不能写增长百分比",
  check({ budget, narrative }, report) {
    for (const r of REASONS) {
      const c = changeOf(narrative, r.figure, r.label);
      if (!c || !c.prior.isZero() || c.change.isZero()) continue;
      for (const clause of clauses(r.text(budget.narrative) ?? "")) {
        const m = [...clause.matchAll(PERCENT)][0];
        if (m && /增长|增加|上升|提高/.test(m[1]!)) {
          report(r.path, `“${clause}”写了${m[1]}${m[2]}%，但${r.label}上年为 0，应写“新增 ${c.change.toFixed(2)} 万元”`);
        }
      }
    }
  },
});
