import Decimal from "decimal.js";
import { ZERO, formatWan } from "@/lib/budget/money";
import type { Fund } from "@/lib/budget/model";
import type { ShownFinal } from "@/lib/final/compute/shown";

export const fmt = formatWan;

/** One printed 决算 expenditure atom (basic line or project) with what the tables group it by. */
export interface FinalAtom {
  function: string;
  economic?: string;
  fund: Fund;
  kind: "basic" | "project";
  initial: Decimal;
  adjusted: Decimal;
  actual: Decimal;
}

export function finalAtoms(shown: ShownFinal): FinalAtom[] {
  return [...shown.basic.map((l) => ({ ...l, kind: "basic" as const })), ...shown.projects.map((p) => ({ ...p, kind: "project" as const }))];
}

export function classOf(code: string): string {
  return code.slice(0, 3);
}

/** Sum of printed amounts per fund. */
export function sumByFund<T extends { fund: Fund }>(items: readonly T[], amount: (t: T) => Decimal): Partial<Record<Fund, Decimal>> {
  const out: Partial<Record<Fund, Decimal>> = {};
  for (const item of items) out[item.fund] = (out[item.fund] ?? ZERO).plus(amount(item));
  return out;
}

/**
 * A percentage with two decimals, half up ("100.00"); "" when the base is zero. Computed from
 * printed figures, so a reader can check it from the table.
 */
export function percent(part: Decimal, whole: Decimal): string {
  if (whole.isZero()) return "";
  return part.dividedBy(whole).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}
