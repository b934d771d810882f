import { wanText } from "@/lib/format";
import Decimal from "decimal.js";

/**
 * Wording of the 部门决算情况说明 as the seed prints it: amounts without a space before 万元
 * ("1,918.25万元"), percentages with one decimal ("14.8%"; a whole 100 as "100%").
 */

export function wan(d: Decimal): string {
  return wanText(d, "");
}

/** One decimal, half up, of part / whole in percent; undefined when whole is zero. */
export function percentOf(part: Decimal, whole: Decimal): Decimal | undefined {
  if (whole.isZero()) return undefined;
  return part.dividedBy(whole).times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP);
}

export function pct(p: Decimal): string {
  return p.equals(100) ? "100%" : `${p.toFixed(1)}%`;
}

/** “占84.8%” of a share; nothing when the whole is zero. */
export function share(part: Decimal, whole: Decimal): string | undefined {
  const p = percentOf(part, whole);
  return p === undefined ? undefined : `占${pct(p)}`;
}

export interface Change {
  /** “增加 / 减少 / 持平”. */
  verb: "增加" | "减少" | "持平";
  amount: Decimal;
  /** “增长14.8% / 下降100%”; absent when the base is zero (a change from nothing has no rate). */
  rate?: string;
}

/**
 * The change from `base` to `current`. From a zero base it is an amount only (never “增长100%”:
 * the rate of a change from nothing is undefined); a fall to zero is “下降100%” with its amount.
 */
export function change(current: Decimal, base: Decimal): Change {
  const diff = current.minus(base);
  if (diff.isZero()) return { verb: "持平", amount: diff };
  const verb = diff.isPositive() ? "增加" : "减少";
  const p = percentOf(diff.abs(), base);
  return { verb, amount: diff.abs(), ...(p === undefined ? {} : { rate: `${diff.isPositive() ? "增长" : "下降"}${pct(p)}` }) };
}

/** “较上年决算数减少151.81万元，下降7.4%”, “较年初预算数增加8.55万元”, “与上年决算数持平”. */
export function versus(label: string, current: Decimal, base: Decimal | undefined, joiner = "，"): string | undefined {
  if (base === undefined) return undefined;
  const c = change(current, base);
  if (c.verb === "持平") return `与${label}持平`;
  return `较${label}${c.verb}${wan(c.amount)}${c.rate ? `${joiner}${c.rate}` : ""}`;
}

/** A typed reason or usage without trailing punctuation, or undefined when empty. */
export function clause(text: string | undefined): string | undefined {
  const t = (text ?? "").trim().replace(/[。；;，,]+$/u, "");
  return t === "" ? undefined : t;
}

/** Joins the non-empty parts with “，” and ends the sentence; "" when every part is empty. */
export function sentence(parts: (string | undefined)[], end = "。"): string {
  const kept = parts.filter((p): p is string => p !== undefined && p !== "");
  return kept.length ? kept.join("，") + end : "";
}
