import Decimal from "decimal.js";
import type { Budget, Fund } from "./model";
import { FUNDS } from "./model";
import { FUND_LABELS } from "./package/labels";
import { formatWan, sum, toWanYuan, ZERO } from "./money";

/** What a 批复 states, machine-form 万元: every line rounded once, totals summed from the lines. */
export interface ReplyTotals {
  total: string;
  basic: string;
  project: string;
  byFund: { fund: Fund; label: string; total: string; basic: string; project: string }[];
}

/** The department's 基本/项目 spending by fund, as the 批复 prints it (funds with none left out). */
export function replyTotals(budget: Pick<Budget, "basicExpenditure" | "projects">): ReplyTotals {
  const byFund = FUNDS.map((fund) => {
    const basic = toWanYuan(sum(budget.basicExpenditure.filter((l) => l.fund === fund).map((l) => l.amount)));
    const project = toWanYuan(sum(budget.projects.filter((p) => p.fund === fund).map((p) => p.amount)));
    return { fund, basic, project };
  }).filter((f) => !f.basic.isZero() || !f.project.isZero());
  const basic = byFund.reduce((s, f) => s.plus(f.basic), ZERO);
  const project = byFund.reduce((s, f) => s.plus(f.project), ZERO);
  const w = (d: Decimal) => formatWan(d);
  return {
    total: w(basic.plus(project)),
    basic: w(basic),
    project: w(project),
    byFund: byFund.map((f) => ({ fund: f.fund, label: FUND_LABELS[f.fund], total: w(f.basic.plus(f.project)), basic: w(f.basic), project: w(f.project) })),
  };
}
