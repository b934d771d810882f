import { wanText } from "@/lib/format";
import Decimal from "decimal.js";
import { escapeMarkdownText } from "./escape";

/**
 * The year-on-year phrase of the samples: “比 2023 年增加 34.99 万元”, “比 2023 年减少 375.61 万元”,
 * “与上年持平”. `change` is this year's printed figure minus last year's.
 */
export function changePhrase(change: Decimal, priorYear: number): string {
  if (change.isZero()) return "与上年持平";
  const verb = change.isPositive() ? "增加" : "减少";
  return `比 ${priorYear} 年${verb} ${wanText(change.abs())}`;
}

/** “基本支出增加 34.99 万元” — the short form used inside the default 支出 reason. */
export function shortChange(label: string, change: Decimal): string {
  if (change.isZero()) return `${label}与上年持平`;
  return `${label}${change.isPositive() ? "增加" : "减少"} ${wanText(change.abs())}`;
}

/**
 * A typed reason or usage, without trailing punctuation so it can be joined into a sentence, and
 * escaped: it is the accountant's text, never Markdown.
 */
export function clause(text: string | undefined): string | undefined {
  const t = (text ?? "").trim().replace(/[。；;，,]+$/u, "");
  return t === "" ? undefined : escapeMarkdownText(t);
}

/** Joins the non-empty parts of one sentence with “，” and ends it. */
export function sentence(parts: (string | undefined)[], end = "。"): string {
  return parts.filter((p): p is string => p !== undefined && p !== "").join("，") + end;
}
