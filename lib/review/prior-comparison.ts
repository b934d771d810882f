import Decimal from "decimal.js";
import { formatWan, toWanYuan } from "@/lib/budget/money";
import type { Budget } from "@/lib/budget/model";

/**
 * This year against last year, 一般公共预算财政拨款 only (the money last year's figures are kept
 * for, as in T2), by 功能分类 项 and by 经济分类 款, largest changes first.
 */
export interface ComparisonRow {
  code: string;
  name: string;
  /** 万元, two decimals. */
  current: string;
  prior: string | null;
  change: string | null;
}

export interface PriorAmounts {
  /** 元 by this year's function code (already through the crosswalk); absent = not known. */
  byFunction?: Record<string, Decimal>;
  /** 元 by economic code, from last year's budget in the database; absent = not known. */
  byEconomic?: Record<string, Decimal>;
}

/** The code under which project money without an economic classification is compared. */
export const NO_ECONOMIC = "";

function addTo(map: Map<string, Decimal>, key: string, amount: Decimal) {
  map.set(key, (map.get(key) ?? new Decimal(0)).plus(amount));
}

/** General-budget amounts of a budget in 元, by function 项 and by economic 款. */
export function generalBudgetAmounts(b: Budget): { byFunction: Map<string, Decimal>; byEconomic: Map<string, Decimal> } {
  const byFunction = new Map<string, Decimal>();
  const byEconomic = new Map<string, Decimal>();
  for (const l of b.basicExpenditure.filter((x) => x.fund === "generalBudget")) {
    addTo(byFunction, l.function, l.amount);
    addTo(byEconomic, l.economic, l.amount);
  }
  for (const p of b.projects.filter((x) => x.fund === "generalBudget")) {
    addTo(byFunction, p.function, p.amount);
    addTo(byEconomic, p.economic ?? NO_ECONOMIC, p.amount);
  }
  return { byFunction, byEconomic };
}

export function compareAmounts(current: Map<string, Decimal>, prior: Record<string, Decimal> | undefined, name: (code: string) => string): ComparisonRow[] {
  const codes = new Set([...current.keys(), ...Object.keys(prior ?? {})]);
  const rows = [...codes].map((code) => {
    const now = toWanYuan(current.get(code) ?? new Decimal(0));
    const before = prior ? toWanYuan(prior[code] ?? new Decimal(0)) : null;
    return {
      code,
      name: name(code),
      current: formatWan(now),
      prior: before ? formatWan(before) : null,
      change: before ? formatWan(now.minus(before)) : null,
      sortKey: before ? now.minus(before).abs() : now,
    };
  });
  rows.sort((a, b) => b.sortKey.comparedTo(a.sortKey) || a.code.localeCompare(b.code));
  return rows.filter((r) => !(r.current === "0.00" && (r.prior === null || r.prior === "0.00"))).map(({ sortKey: _, ...r }) => r);
}

export function priorComparison(
  budget: Budget,
  prior: PriorAmounts,
  names: { functionName(code: string): string; economicName(code: string): string },
): { byFunction: ComparisonRow[]; byEconomic: ComparisonRow[] } {
  const current = generalBudgetAmounts(budget);
  return {
    byFunction: compareAmounts(current.byFunction, prior.byFunction, names.functionName),
    byEconomic: compareAmounts(current.byEconomic, prior.byEconomic, (c) => (c === NO_ECONOMIC ? "（项目未填经济分类）" : names.economicName(c))),
  };
}
