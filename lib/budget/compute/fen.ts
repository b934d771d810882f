import Decimal from "decimal.js";

/**
 * Integer money for the engine's hot path, in two units, both `bigint`:
 *
 *  - `Fen`: the printed unit, fen of 万元 (0.01 万元 = 100 元). Every printed atom, every table
 *    cell and every partial sum of the tables is one of these; a string is made only for a cell.
 *  - exact fen: fen of 元 (0.01 元), the unit of an entered amount (Decimal(18,2) 元).
 *
 * Why `bigint` and not a JS number of fen: a Decimal(18,2) amount is up to 10^18 fen of 元, past
 * 2^53 (≈ 9·10^15), and a table adds hundreds of them; a number would need an overflow check on
 * every sum and a second code path behind it. A small `bigint` adds in about 10 ns (a decimal.js
 * `plus` about 800 ns here), is exact at any size, and is never a JS number. An entered amount
 * with more than two decimals (only a hand-made `Budget` can hold one) is rounded by decimal.js,
 * as before, and only its printed result enters as `Fen`.
 */
export type Fen = bigint;

/** "2514.61" → 251461n; undefined when the string is not a plain amount with at most 2 decimals. */
export function fenOfString(s: string): Fen | undefined {
  // Most cells of a long budget's tables are empty (T7 has nine fund columns).
  if (s === "0.00") return 0n;
  // By hand rather than by a regular expression: the totals rule reads every printed cell.
  const neg = s.charCodeAt(0) === 45; // "-"
  const start = neg ? 1 : 0;
  let dot = s.indexOf(".", start);
  if (dot < 0) dot = s.length;
  const places = s.length - dot - 1;
  if (dot === start || places === 0 || places > 2) return undefined;
  let small = 0;
  for (let i = start; i < s.length; i++) {
    if (i === dot) continue;
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return undefined;
    small = small * 10 + c;
  }
  if (places === 1) small *= 10;
  else if (places < 0) small *= 100;
  // The number above is exact while it is a safe integer (it only grows); past that, the digits.
  const f = Number.isSafeInteger(small) ? BigInt(small) : BigInt(s.slice(start, dot) + (places < 0 ? "00" : s.slice(dot + 1).padEnd(2, "0")));
  return neg ? -f : f;
}

const cache = new WeakMap<Decimal, Fen>();

/**
 * A printed `Decimal` (at most two decimals) in fen, remembered per object: the same atom feeds
 * every table. undefined when it has more decimals (the caller keeps decimal.js then).
 */
export function fenOfDecimal(d: Decimal): Fen | undefined {
  const seen = cache.get(d);
  if (seen !== undefined) return seen;
  const f = exactFen(d);
  if (f !== undefined) cache.set(d, f);
  return f;
}

/** 251461n → "2514.61"; -5n → "-0.05" (decimal.js's toFixed(2) of the same amount). */
export function formatFen(f: bigint): string {
  if (f === 0n) return "0.00";
  const neg = f < 0n;
  const s = (neg ? -f : f).toString().padStart(3, "0");
  return `${neg ? "-" : ""}${s.slice(0, -2)}.${s.slice(-2)}`;
}

/** Back to a Decimal, for the interfaces that keep decimal.js (trace, narrative, rules). */
export function decimalOfFen(f: bigint): Decimal {
  const d = new Decimal(formatFen(f));
  cache.set(d, f);
  return d;
}

const GROUP = 10_000_000; // decimal.js stores digits in base 1e7

/**
 * An amount with at most two decimals in fen (of its own unit: 元 → fen of 元), read from
 * decimal.js's documented digits (`d`, base 10^7, grouped on the decimal point), exponent (`e`)
 * and sign (`s`) without the string `toFixed` builds; undefined with more decimals (or NaN).
 */
export function exactFen(x: Decimal): bigint | undefined {
  const digits = x.d;
  if (!digits) return undefined;
  // Group i is worth GROUP^(k − i): group k holds the units, group k + 1 the first 7 decimals.
  const k = Math.floor(x.e / 7);
  const last = digits.length - 1;
  let frac = 0;
  if (last > k) {
    const g = digits[last]!;
    if (last > k + 1 || g % 100_000 !== 0) return undefined;
    frac = g / 100_000;
  }
  let f: bigint;
  if (k <= 0) {
    // Below 10^7 units: the whole amount in fen is a small exact integer.
    f = BigInt((k === 0 ? digits[0]! * 100 : 0) + frac);
  } else {
    let units = 0n;
    for (let i = 0; i <= k; i++) units = units * BigInt(GROUP) + BigInt(i <= last && i <= k ? digits[i]! : 0);
    f = units * 100n + BigInt(frac);
  }
  return x.s < 0 ? -f : f;
}

/** Fen of 元 → printed fen of 万元, rounded half up (away from zero on a tie), as `toWanYuan`. */
export function printedOfExact(e: bigint): Fen {
  return e < 0n ? -((-e + 5_000n) / 10_000n) : (e + 5_000n) / 10_000n;
}

/** An entered 元 amount as printed (万元, 2 decimals, half up): `toWanYuan` without a Decimal. */
export function printedFen(yuan: Decimal): Fen {
  const e = exactFen(yuan);
  if (e !== undefined) return printedOfExact(e);
  const printed = exactFen(yuan.dividedBy(10_000).toDecimalPlaces(2, Decimal.ROUND_HALF_UP));
  if (printed === undefined) throw new Error(`金额不是有限数：${yuan.toString()}`);
  return printed;
}

/** Σ of 元 amounts in fen of 元; undefined when one has more than two decimals. */
export function exactFenSum(amounts: readonly Decimal[]): bigint | undefined {
  let total = 0n;
  for (const a of amounts) {
    const e = exactFen(a);
    if (e === undefined) return undefined;
    total += e;
  }
  return total;
}

/** True when the 元 amounts `parts` add up to those of `whole` exactly. */
export function addsUp(parts: readonly Decimal[], whole: readonly Decimal[]): boolean {
  const p = exactFenSum(parts);
  const w = exactFenSum(whole);
  if (p !== undefined && w !== undefined) return p === w;
  let a = new Decimal(0);
  let b = new Decimal(0);
  for (const x of parts) a = a.plus(x);
  for (const x of whole) b = b.plus(x);
  return a.equals(b);
}

/** Σ of 元 amounts, as printed (the sum is rounded once, as `toWanYuan(sum(…))`). */
export function printedFenOfSum(amounts: readonly Decimal[]): Fen {
  if (amounts.length === 1) return printedFen(amounts[0]!);
  const e = exactFenSum(amounts);
  if (e !== undefined) return printedOfExact(e);
  let total = new Decimal(0);
  for (const a of amounts) total = total.plus(a);
  return printedFen(total);
}
