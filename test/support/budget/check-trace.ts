/** Test support: the invariants every trace keeps, for the budget's and the 决算's trace tests. */
import Decimal from "decimal.js";
import { expect } from "vitest";
import { sum, toWanYuan } from "@/lib/budget/money";
import type { Trace } from "@/lib/budget/trace";

const HALF_FEN = new Decimal("0.005");

/** The invariants every trace keeps: lines add to `sum`, atoms to `value`, printed rows to `value`. */
export function checkTrace(t: Trace, where: string, atomsInBudget = 1) {
  const lines = sum(t.lines.map((l) => new Decimal(l.amount)));
  expect(lines.toFixed(2), `${where}: lines add to sum`).toBe(t.sum);
  expect(sum(t.atoms.map((a) => new Decimal(a.value))).toFixed(2), `${where}: atoms add to value`).toBe(t.value);
  for (const a of t.atoms) {
    const yuan = sum(a.lines.map((l) => new Decimal(l.amount)));
    expect(yuan.toFixed(2), `${where}: ${a.key} lines`).toBe(a.sum);
    const gap = new Decimal(a.value).minus(yuan.dividedBy(10_000)).abs();
    if (a.rounding === "round") {
      expect(
        toWanYuan(yuan.abs())
          .times(yuan.isNegative() ? -1 : 1)
          .toFixed(2),
        `${where}: ${a.key} rounds once`,
      ).toBe(a.value);
      expect(gap.lessThanOrEqualTo(HALF_FEN)).toBe(true);
    } else {
      // Income and carry-over are apportioned from the fund's printed expenditure, itself off by
      // at most half a fen per atom; a project's parts and last year's split by at most a fen.
      expect(gap.lessThanOrEqualTo(HALF_FEN.times(atomsInBudget + 2)), `${where}: ${a.key} apportioned`).toBe(true);
    }
  }
  if (t.rows) {
    expect(sum(t.rows.map((r) => new Decimal(r.value))).toFixed(2), `${where}: printed rows add to the total`).toBe(t.value);
  }
}
