import Decimal from "decimal.js";
import { formatWan } from "@/lib/budget/money";
import { sumSummaries, type BudgetSummary } from "./budget-summary";

type Figures = { total: string; basic: string; project: string };

/**
 * The units' figures beside their department's, as the department's published page lists them:
 * the sum of the units' printed 支出合计 (基本, 项目), and what the department's own figures hold
 * beyond that sum — what the department entered in its own budget, less the transfers between
 * units that consolidation eliminates — or null when the department's figures are exactly the
 * units' sum. Every figure is a sum or difference of printed figures, so the list adds up to the
 * department's 支出合计 to the fen.
 */
export function unitsBeside(department: Figures, units: BudgetSummary[]): { sum: Figures; rest: Figures | null } {
  const s = sumSummaries(units);
  const sum = { total: s.total, basic: s.basic, project: s.project };
  const minus = (k: keyof Figures) => new Decimal(department[k]).minus(sum[k]);
  const rest = { total: minus("total"), basic: minus("basic"), project: minus("project") };
  if (rest.total.isZero() && rest.basic.isZero() && rest.project.isZero()) return { sum, rest: null };
  return { sum, rest: { total: formatWan(rest.total), basic: formatWan(rest.basic), project: formatWan(rest.project) } };
}
