import Decimal from "decimal.js";

/**
 * Printed amounts (万元 with two decimals) as integer fen of 万元 in a `bigint`: the engine's
 * hot sums — a table's rows, a rule re-adding every printed cell — run on these instead of
 * allocating a `Decimal` per partial sum. Exact like decimal.js, never a JS number.
 */

const PLAIN = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;

/** "2514.61" → 251461n; undefined when the string is not a plain amount with at most 2 decimals. */
export function fenOfString(s: string): bigint | undefined {
  const m = PLAIN.exec(s);
  if (!m) return undefined;
  const f = BigInt(m[2]! + (m[3] ?? "").padEnd(2, "0"));
  return m[1] ? -f : f;
}

const cache = new WeakMap<Decimal, bigint>();

/**
 * A printed `Decimal` (at most two decimals) in fen, remembered per object: the same atom feeds
 * every table. undefined when it has more decimals (the caller keeps decimal.js then).
 */
export function fenOfDecimal(d: Decimal): bigint | undefined {
  const seen = cache.get(d);
  if (seen !== undefined) return seen;
  if (d.decimalPlaces() > 2) return undefined;
  const f = fenOfString(d.toFixed(2));
  if (f !== undefined) cache.set(d, f);
  return f;
}

/** 251461n → "2514.61"; -5n → "-0.05" (decimal.js's toFixed(2) of the same amount). */
export function formatFen(f: bigint): string {
  const neg = f < 0n;
  const s = (neg ? -f : f).toString().padStart(3, "0");
  return `${neg ? "-" : ""}${s.slice(0, -2)}.${s.slice(-2)}`;
}

/** Back to a Decimal, for the tables' and rules' interfaces; zero is the shared ZERO-equal value. */
export function decimalOfFen(f: bigint): Decimal {
  const d = new Decimal(formatFen(f));
  cache.set(d, f);
  return d;
}
