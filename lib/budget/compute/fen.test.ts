import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toWanYuan } from "@/lib/budget/money";
import { apportion, apportionFen } from "./apportion";
import { decimalOfFen, exactFen, exactFenSum, fenOfDecimal, fenOfString, formatFen, printedFen, printedFenOfSum } from "./fen";

/** Any decimal.js amount: whole, with fen, with more decimals, tiny, huge, negative. */
const amount = fc
  .tuple(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 0, max: 9 }))
  .map(([units, places]) => new Decimal(units.toString()).dividedBy(new Decimal(10).pow(places)));

describe("fen", () => {
  it("reads plain amounts with at most two decimals, and nothing else", () => {
    expect(fenOfString("2514.61")).toBe(251461n);
    expect(fenOfString("3.5")).toBe(350n);
    expect(fenOfString("7")).toBe(700n);
    expect(fenOfString("0.00")).toBe(0n);
    expect(fenOfString("-0.05")).toBe(-5n);
    expect(fenOfString("2,514.61")).toBeUndefined();
    expect(fenOfString("1.234")).toBeUndefined();
    expect(fenOfString("1e3")).toBeUndefined();
    expect(fenOfString(" 1.00")).toBeUndefined();
    expect(fenOfString("+1.00")).toBeUndefined();
    expect(fenOfString("0x1.00")).toBeUndefined();
    expect(fenOfString("")).toBeUndefined();
    expect(fenOfString(".5")).toBeUndefined();
    expect(fenOfString("1.")).toBeUndefined();
  });

  it("reads back every amount it prints, and decimal.js's plain forms, at any size", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 24n), max: 10n ** 24n }), fc.integer({ min: 0, max: 2 }), (f, places) => {
        expect(fenOfString(formatFen(f))).toBe(f);
        const d = new Decimal(f.toString()).dividedBy(100);
        // decimal.js holds 20 significant digits.
        if (f < 10n ** 19n && f > -(10n ** 19n) && d.decimalPlaces() <= places) expect(fenOfString(d.toFixed(places))).toBe(f);
      }),
      { numRuns: 5000 },
    );
  });

  it("prints as decimal.js's toFixed(2) does", () => {
    for (const s of ["0.00", "0.05", "-0.05", "1.00", "-12.30", "123456789012345.67"]) {
      expect(formatFen(fenOfString(s)!)).toBe(new Decimal(s).toFixed(2));
    }
  });

  it("keeps decimal.js for an amount with more decimals", () => {
    expect(fenOfDecimal(new Decimal("1.005"))).toBeUndefined();
    expect(fenOfDecimal(new Decimal("1.5"))).toBe(150n);
    expect(decimalOfFen(-1234n).equals(new Decimal("-12.34"))).toBe(true);
  });

  it("reads any Decimal exactly as its toFixed(2) when it has at most two decimals", () => {
    fc.assert(
      fc.property(amount, (d) => {
        const f = exactFen(d);
        if (d.decimalPlaces() > 2) expect(f).toBeUndefined();
        else expect(formatFen(f!)).toBe(d.toFixed(2) === "-0.00" ? "0.00" : d.toFixed(2));
      }),
      { numRuns: 5000 },
    );
    for (const s of ["0", "-0", "1e-7", "0.01", "0.1", "9999999.99", "10000000", "10000000.01", "1e16", "1e30", "99999999999999.99"]) {
      const d = new Decimal(s);
      expect(exactFen(d), s).toBe(d.decimalPlaces() > 2 ? undefined : BigInt(d.times(100).toFixed(0)));
    }
    expect(exactFen(new Decimal(NaN))).toBeUndefined();
  });

  it("rounds an entered 元 amount to the printed fen as toWanYuan does, half up", () => {
    fc.assert(
      fc.property(amount, (d) => {
        expect(formatFen(printedFen(d))).toBe(
          toWanYuan(d)
            .toFixed(2)
            .replace(/^-0\.00$/, "0.00"),
        );
      }),
      { numRuns: 5000 },
    );
    expect(printedFen(new Decimal("49.99"))).toBe(0n);
    expect(printedFen(new Decimal("50"))).toBe(1n);
    expect(printedFen(new Decimal("-50"))).toBe(-1n);
    expect(printedFen(new Decimal("25146150"))).toBe(251462n);
  });

  it("sums 元 amounts exactly, and rounds the sum once", () => {
    // Within Decimal(18,2), where decimal.js's 20 significant digits are exact too (past it the
    // fen sums stay exact and decimal.js's do not).
    const entered = fc
      .tuple(fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }), fc.integer({ min: 0, max: 4 }))
      .map(([units, places]) => new Decimal(units.toString()).dividedBy(new Decimal(10).pow(places)));
    fc.assert(
      fc.property(fc.array(entered, { maxLength: 6 }), (xs) => {
        const exact = xs.reduce((a, b) => a.plus(b), new Decimal(0));
        const e = exactFenSum(xs);
        if (xs.some((x) => x.decimalPlaces() > 2)) expect(e).toBeUndefined();
        else expect(formatFen(e!)).toBe(exact.toFixed(2).replace(/^-0\.00$/, "0.00"));
        expect(printedFenOfSum(xs)).toBe(printedFen(exact));
      }),
      { numRuns: 2000 },
    );
  });

  it("apportions in fen exactly as decimal.js apportions", () => {
    const part = fc.integer({ min: 0, max: 5_000_000 }).map((fen) => new Decimal(fen).dividedBy(100));
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 4 }), fc.integer({ min: -3, max: 3 }), (parts, skew) => {
        const exact = parts.reduce((a, b) => a.plus(b), new Decimal(0));
        const target = printedFen(exact) + BigInt(skew);
        const byDecimal = apportion(
          decimalOfFen(target),
          parts.map((p) => p.dividedBy(10_000)),
        ).map((d) => d.toFixed(2));
        const byFen = apportionFen(
          target,
          parts.map((p) => exactFen(p)!),
        ).map(formatFen);
        expect(byFen).toEqual(byDecimal);
      }),
      { numRuns: 3000 },
    );
  });
});
