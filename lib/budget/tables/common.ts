import Decimal from "decimal.js";
import { ZERO, formatWan, sum } from "@/lib/budget/money";
import { FUNDS, type Fund } from "@/lib/budget/model";
import { formatFen, type Fen } from "@/lib/budget/compute/fen";
import type { Indicator } from "@/lib/budget/model";
import type { FiscalFund, IndicatorRow } from "./types";

export const FISCAL_FUNDS: readonly FiscalFund[] = ["generalBudget", "governmentFund", "stateCapital"];

export const fmt = formatWan;

/** 类 code of a function code. */
export function classOf(code: string): string {
  return code.slice(0, 3);
}

/** `{ total, generalBudget, …, other }` of printed amounts per fund (absent: zero). */
export function fundColumns(byFund: (fund: Fund) => Fen | undefined) {
  const cols = {} as Record<Fund, string>;
  let total = 0n;
  for (const f of FUNDS) {
    const v = byFund(f) ?? 0n;
    cols[f] = formatFen(v);
    total += v;
  }
  return { total: formatFen(total), ...cols };
}

/** `{ total, generalBudget, governmentFund, stateCapital }` of printed amounts (absent: zero). */
export function fiscalFenColumns(byFund: Partial<Record<FiscalFund, Fen>>) {
  const generalBudget = byFund.generalBudget ?? 0n;
  const governmentFund = byFund.governmentFund ?? 0n;
  const stateCapital = byFund.stateCapital ?? 0n;
  return {
    total: formatFen(generalBudget + governmentFund + stateCapital),
    generalBudget: formatFen(generalBudget),
    governmentFund: formatFen(governmentFund),
    stateCapital: formatFen(stateCapital),
  };
}

/** The decimal.js form, for the 决算 tables. */
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
