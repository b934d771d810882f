import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { decimalOfFen, fenOfDecimal, fenOfString, formatFen } from "./fen";

describe("fen", () => {
  it("reads plain amounts with at most two decimals, and nothing else", () => {
    expect(fenOfString("2514.61")).toBe(251461n);
    expect(fenOfString("3.5")).toBe(350n);
    expect(fenOfString("7")).toBe(700n);
    expect(fenOfString("-0.05")).toBe(-5n);
    expect(fenOfString("2,514.61")).toBeUndefined();
    expect(fenOfString("1.234")).toBeUndefined();
    expect(fenOfString("1e3")).toBeUndefined();
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
});
