import { formatWanDisplay } from "@/lib/format";
import { FUNDS } from "@/lib/budget/model";
import { FIELD_LABELS, FUND_LABELS, PROCUREMENT_CATEGORY_LABELS } from "@/lib/budget/package/labels";
import { toWanYuan } from "@/lib/budget/money";
import Decimal from "decimal.js";

export const FUND_OPTIONS = FUNDS.map((f) => ({ value: f, label: FUND_LABELS[f] }));
export const PROCUREMENT_OPTIONS = Object.entries(PROCUREMENT_CATEGORY_LABELS).map(([value, label]) => ({ value, label }));

export const label = (path: string) => FIELD_LABELS[path] ?? path;

/** A 万元 string from the tables ("2514.61") in display form ("2,514.61 万元"). */
export const wan = (s: string | undefined) => `${formatWanDisplay(new Decimal(s ?? "0"))} 万元`;

/** A typed 元 amount shown in 万元, or "—" while it is not a valid amount. */
export function yuanAsWan(raw: string | undefined): string {
  if (!raw || !/^\d+(\.\d{1,2})?$/.test(raw)) return "—";
  return `${formatWanDisplay(toWanYuan(new Decimal(raw)))} 万元`;
}
