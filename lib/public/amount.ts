import { formatWanDisplay, parseWan } from "@/lib/budget/money";
import type { Operator } from "@/lib/budget/model";

/**
 * How a table cell shows a machine-form 万元 amount ("2514.61"): with thousands separators
 * ("2,514.61"), and an empty cell for zero, as the published samples do. Absent = empty.
 */
export function displayAmount(amount: string | undefined): string {
  if (amount === undefined || amount === "") return "";
  const d = parseWan(amount);
  return d.isZero() ? "" : formatWanDisplay(d);
}

/** Like displayAmount, but zero reads "0.00" (charts and summaries, where an empty cell would puzzle). */
export function displayAmountOrZero(amount: string | undefined): string {
  return formatWanDisplay(parseWan(amount === undefined || amount === "" ? "0" : amount));
}

const OPERATOR_SIGNS: Record<Operator, string> = { ">=": "≥", "<=": "≤", "=": "=", ">": ">", "<": "<", 定性: "定性" };

/** 指标性质 as printed: "≥", "≤", "=", or 定性. */
export function displayOperator(op: Operator): string {
  return OPERATOR_SIGNS[op] ?? op;
}
