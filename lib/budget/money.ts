import Decimal from "decimal.js";

/**
 * Money helpers. Every amount inside lib/budget is a `Decimal` in 元 (yuan); packages and
 * tables carry decimal strings. A JS number never holds money: 0.1 + 0.2 would already be
 * wrong to the fen, and the published tables are checked to the fen.
 *
 * decimal.js keeps 20 significant digits by default, so sums stay exact up to 10^17 元
 * with fen, far above any department budget (the database column is Decimal(18,2)).
 */

export type AmountUnit = "万元" | "元";

export const ZERO = new Decimal(0);
const TEN_THOUSAND = new Decimal(10_000);

/** A non-negative decimal string with at most two decimals, the only form packages accept. */
export const AMOUNT_PATTERN = /^(0|[1-9]\d*)(\.\d{1,2})?$/;

/**
 * Exact conversion of a package amount to 元. Throws on malformed input, because callers
 * (the schema) have validated the string already; an exception here is a programming error.
 */
export function parseAmount(str: string, unit: AmountUnit): Decimal {
  if (!AMOUNT_PATTERN.test(str)) {
    throw new Error(`金额格式不正确：${JSON.stringify(str)}`);
  }
  const d = new Decimal(str);
  return unit === "万元" ? d.times(TEN_THOUSAND) : d;
}

/** 元 → 万元, rounded once to the fen of the printed table (0.01 万元), half up. */
export function toWanYuan(yuan: Decimal): Decimal {
  return yuan.dividedBy(TEN_THOUSAND).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** 万元 → 元, exact. */
export function fromWanYuan(wan: Decimal): Decimal {
  return wan.times(TEN_THOUSAND);
}

/** Machine form of an amount already in 万元: "2514.61", "0.00", "-12.02". */
export function formatWan(d: Decimal): string {
  const places = d.decimalPlaces();
  // A printed amount already has at most two decimals: its plain toString, padded, is toFixed(2)
  // without the two Decimals toDecimalPlaces and toFixed make (most of the tables' formatting).
  if (places <= 2) {
    const plain = d.toString();
    if (!plain.includes("e")) {
      const s = places === 0 ? `${plain}.00` : places === 1 ? `${plain}0` : plain;
      return s === "-0.00" ? "0.00" : s;
    }
  }
  const s = d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
  // decimal.js prints "-0.00" for tiny negatives; a printed table never shows a negative zero.
  return s === "-0.00" ? "0.00" : s;
}

/** Parses a machine-form 万元 string ("2514.61") or a display form ("2,514.61"). */
export function parseWan(s: string): Decimal {
  return new Decimal(s.includes(",") ? s.replace(/,/g, "") : s);
}

/** Exact sum; an empty list sums to zero. */
export function sum(values: Iterable<Decimal>): Decimal {
  let total = ZERO;
  // Adding zero, or to zero, would still make a new Decimal; most table cells add a few atoms.
  for (const v of values) if (!v.isZero()) total = total.isZero() ? v : total.plus(v);
  return total;
}

/** True when the 元 amount is a whole number of 百元, i.e. exact with two decimals in 万元. */
export function isWholeHundredYuan(yuan: Decimal): boolean {
  return yuan.modulo(100).isZero();
}

export { Decimal };
