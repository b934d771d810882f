import Decimal from "decimal.js";
import { ZERO, formatWan, sum } from "@/lib/budget/money";
import { FUNDS, type Fund } from "@/lib/budget/model";
import type { ShownAmounts } from "@/lib/budget/compute/shown-amounts";
import type { Indicator } from "@/lib/budget/model";
import type { FiscalFund, IndicatorRow } from "./types";

export const FISCAL_FUNDS: readonly FiscalFund[] = ["generalBudget", "governmentFund", "stateCapital"];

export const fmt = formatWan;

/** One printed expenditure atom, basic line or project, with what the tables group it by. */
export interface ExpenditureAtom {
  function: string;
  fund: Fund;
  kind: "basic" | "project";
  amount: Decimal;
}

export function expenditureAtoms(shown: ShownAmounts): ExpenditureAtom[] {
  return [
    ...shown.basic.map((l) => ({ function: l.function, fund: l.fund, kind: "basic" as const, amount: l.amount })),
    ...shown.projects.map((p) => ({ function: p.function, fund: p.fund, kind: "project" as const, amount: p.amount })),
  ];
}

/** 类 code of a function code. */
export function classOf(code: string): string {
  return code.slice(0, 3);
}

/** Sums atoms by key, keeping insertion-independent (code) order. */
export function sumByKey<T>(items: readonly T[], key: (t: T) => string, amount: (t: T) => Decimal): Map<string, Decimal> {
  const out = new Map<string, Decimal>();
  for (const item of items) out.set(key(item), (out.get(key(item)) ?? ZERO).plus(amount(item)));
  return new Map([...out.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

const ZERO_WAN = fmt(ZERO);

/** `{ total, generalBudget, …, other }` of printed amounts per fund. */
export function fundColumns(byFund: Partial<Record<Fund, Decimal>>) {
  const cols = {} as Record<Fund, string>;
  let total: Decimal | undefined;
  for (const f of FUNDS) {
    const v = byFund[f];
    cols[f] = v === undefined ? ZERO_WAN : fmt(v);
    if (v !== undefined && !v.isZero()) total = total === undefined ? v : total.plus(v);
  }
  return { total: total === undefined ? ZERO_WAN : fmt(total), ...cols };
}

export function fiscalColumns(byFund: Partial<Record<FiscalFund, Decimal>>) {
  const cols = Object.fromEntries(FISCAL_FUNDS.map((f) => [f, fmt(byFund[f] ?? ZERO)])) as Record<FiscalFund, string>;
  return { total: fmt(sum(FISCAL_FUNDS.map((f) => byFund[f] ?? ZERO))), ...cols };
}

export function indicatorRows(indicators: readonly Indicator[]): IndicatorRow[] {
  return indicators.map((i) => ({
    level1: i.level1 ?? "",
    level2: i.level2 ?? "",
    name: i.name,
    unit: i.unit ?? "",
    operator: i.operator,
    value: i.value,
    weight: i.weight ?? "",
    core: i.core,
  }));
}
