import type Decimal from "decimal.js";
import { formatWan, parseWan } from "@/lib/budget/money";
import type { Operator } from "@/lib/budget/model";

/**
 * How 明账 writes amounts, dates and indicator operators for people, in one place. Machine forms
 * ("2514.61", the tables' and the JSON's) are the engine's (lib/budget/money.ts); everything a
 * page, a message, a PDF or the narrative shows is formatted here.
 */

/** Display form with thousands separators: "2,514.61" (万元 or 元, two decimals). */
export function formatWanDisplay(d: Decimal): string {
  const s = formatWan(d);
  const negative = s.startsWith("-");
  const [intPart = "0", frac = "00"] = (negative ? s.slice(1) : s).split(".");
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "-" : ""}${grouped}.${frac}`;
}

/**
 * An amount in 万元 with its unit, as the 预算 narrative and messages print it: "2,514.61 万元".
 * The 决算 narrative follows its samples, which print no space ("1,918.25万元"): gap "".
 */
export function wanText(wan: Decimal, gap: " " | "" = " "): string {
  return `${formatWanDisplay(wan)}${gap}万元`;
}

/** A 元 amount as a reviewer reads it: "3.50 万元". */
export function wanOfYuanText(yuan: Decimal): string {
  return wanText(yuan.dividedBy(10_000));
}

/** A 元 amount with fen and separators, so that a change of one fen still shows: "1,200.00 元". */
export function yuanText(yuan: Decimal): string {
  return `${formatWanDisplay(yuan)} 元`;
}

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

// Beijing time whatever the server's zone: the departments and the readers are in China.
const TIME_ZONE = "Asia/Shanghai";

/** Built on first use: each costs ~10 ms of ICU at start-up, which a CLI `check` never needs. */
function lazyFormat(options: Intl.DateTimeFormatOptions): (d: Date) => string {
  let format: Intl.DateTimeFormat | undefined;
  return (d) => (format ??= new Intl.DateTimeFormat("zh-CN", { timeZone: TIME_ZONE, ...options })).format(d);
}

const formatDayIntl = lazyFormat({ year: "numeric", month: "long", day: "numeric" });
/** China has kept UTC+8 all year since its last summer time ended in September 1991. */
const FIXED_OFFSET_SINCE = Date.UTC(1992, 0, 1);
const BEIJING_OFFSET_MS = 8 * 3600 * 1000;

/**
 * A day as readers in China expect it: "2024年3月5日" (publication dates). Computed, not through
 * ICU, for any day since 1992 (same output, format.test.ts): building the formatter is ~40 ms of a
 * one-shot `budget disclosure` process, which prints one date.
 */
export function formatDay(d: Date): string {
  const t = d.getTime();
  if (!(t >= FIXED_OFFSET_SINCE)) return formatDayIntl(d);
  const beijing = new Date(t + BEIJING_OFFSET_MS);
  return `${beijing.getUTCFullYear()}年${beijing.getUTCMonth() + 1}月${beijing.getUTCDate()}日`;
}

/** A moment in the workflow (a save, a submission, a trail event): "2024/3/5 14:07:09". */
export const formatDateTime = lazyFormat({ year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "2-digit", second: "2-digit" });

/** A recent moment inside a message (a save conflict's “3/5 14:07”). */
export const formatShortDateTime = lazyFormat({ month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" });

/**
 * 指标性质 as printed and as the indicator editor offers it: "≥", "≤", "=", ">", "<" or 定性.
 * Half-width "=", ">", "<" everywhere, as the published samples print them.
 */
export const OPERATOR_SIGNS: Readonly<Record<Operator, string>> = { ">=": "≥", "<=": "≤", "=": "=", ">": ">", "<": "<", 定性: "定性" };

export function formatOperator(op: Operator): string {
  return OPERATOR_SIGNS[op] ?? op;
}
