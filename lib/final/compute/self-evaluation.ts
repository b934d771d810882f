import Decimal from "decimal.js";
import { ZERO } from "@/lib/budget/money";
import type { SelfIndicator } from "@/lib/final/model";

/**
 * The computed figures of a 项目支出绩效自评表: 完成比例, 指标得分, 自评总分, 执行率. None of them is
 * typed when it can be computed; a 完成比例 is typed only where the indicator is not numeric
 * (定性, "7*24"), and a 指标得分 only where the evaluator scores below the ratio's share.
 */

const HUNDRED = new Decimal(100);
const NUMBER = /^\d+(\.\d+)?$/;

function numeric(s: string | undefined): Decimal | undefined {
  const t = (s ?? "").trim();
  return NUMBER.test(t) ? new Decimal(t) : undefined;
}

/** 完成比例 (%) from 年度指标值 and 全年完成值, for a numeric indicator; undefined otherwise. */
export function computedRatio(i: SelfIndicator): Decimal | undefined {
  if (i.operator === "定性") return undefined;
  const target = numeric(i.value);
  const actual = numeric(i.actual);
  if (target === undefined || actual === undefined) return undefined;
  // A ceiling (≤, <) is met by staying under it; a floor or an exact value by reaching it.
  const ceiling = i.operator === "<=" || i.operator === "<";
  if (ceiling) {
    if (actual.lessThanOrEqualTo(target)) return HUNDRED;
    return target.dividedBy(actual).times(HUNDRED);
  }
  if (target.isZero()) return actual.isZero() ? HUNDRED : undefined;
  return actual.dividedBy(target).times(HUNDRED);
}

/** 完成比例 shown: the computed one where there is one, else the typed one. */
export function indicatorRatio(i: SelfIndicator): Decimal | undefined {
  return computedRatio(i) ?? (i.ratio !== undefined ? new Decimal(i.ratio) : undefined);
}

/** The score the ratio earns: 权重 × min(完成比例, 100%). */
export function earnedScore(i: SelfIndicator): Decimal | undefined {
  const ratio = indicatorRatio(i);
  if (ratio === undefined) return undefined;
  const weight = i.weight !== undefined ? new Decimal(i.weight) : ZERO;
  return weight.times(Decimal.min(ratio, HUNDRED)).dividedBy(HUNDRED).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** 指标得分 shown: the typed score, else the earned one, else 0 (a rule reports the missing ratio). */
export function indicatorScore(i: SelfIndicator): Decimal {
  if (i.score !== undefined) return new Decimal(i.score);
  return earnedScore(i) ?? ZERO;
}

/** A non-money figure as the 自评表 prints it: at most two decimals, no trailing zeros ("100", "87.5"). */
export function figure(d: Decimal): string {
  return d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toString();
}

/** 执行率 (%) = B / A, from the printed amounts; "" when A is zero. */
export function executionRate(budget: Decimal, actual: Decimal): string {
  if (budget.isZero()) return "";
  return figure(actual.dividedBy(budget).times(HUNDRED));
}
