import Decimal from "decimal.js";
import { ZERO, sum } from "@/lib/budget/money";
import { printedOfExact, type Fen } from "./fen";

const FEN = new Decimal("0.01");

/**
 * Splits a printed total (万元, 2 decimals) into printed parts that add up to it exactly, each
 * part as close as possible to its exact value (`exacts`, in 万元, any precision): round each
 * part half up, then move the leftover fen one at a time to the part whose rounding lost the
 * most (largest-remainder / Hamilton method). A part that is exactly zero never receives a fen
 * and no part goes negative, so "0" stays an empty cell.
 *
 * Used where an entered figure is itself the sum of other entered figures (income of a fund =
 * its expenditure − carryover; a project = 本级安排 + 上级补助; last year's total = basic +
 * project): the printed parts must add up to the printed whole, which rounding each part on
 * its own does not guarantee.
 */
export function apportion(target: Decimal, exacts: readonly Decimal[]): Decimal[] {
  const shown = exacts.map((x) => x.toDecimalPlaces(2, Decimal.ROUND_HALF_UP));
  let steps = target.minus(sum(shown)).dividedBy(FEN).round().toNumber();
  while (steps !== 0) {
    const up = steps > 0;
    let best = -1;
    let bestGap = ZERO;
    shown.forEach((s, i) => {
      const exact = exacts[i]!;
      if (up ? !exact.greaterThan(0) : !s.greaterThan(0)) return;
      const gap = up ? exact.minus(s) : s.minus(exact);
      if (best === -1 || gap.greaterThan(bestGap)) {
        best = i;
        bestGap = gap;
      }
    });
    // Nothing may move (all parts zero, or the target is negative): keep the plain rounding;
    // the balance rules report such a budget.
    if (best === -1) break;
    shown[best] = shown[best]!.plus(up ? FEN : FEN.negated());
    steps += up ? -1 : 1;
  }
  return shown;
}

/**
 * `apportion` in integer fen, the same method and the same ties (the first part with the largest
 * loss gets the fen): `target` in printed fen (0.01 万元), `exacts` in fen of 元.
 */
export function apportionFen(target: Fen, exacts: readonly bigint[]): Fen[] {
  const shown = exacts.map(printedOfExact);
  let steps = target;
  for (const s of shown) steps -= s;
  while (steps !== 0n) {
    const up = steps > 0n;
    let best = -1;
    let bestGap = 0n;
    for (let i = 0; i < shown.length; i++) {
      const exact = exacts[i]!;
      const s = shown[i]!;
      if (up ? !(exact > 0n) : !(s > 0n)) continue;
      // One printed fen is 10,000 fen of 元.
      const gap = up ? exact - s * 10_000n : s * 10_000n - exact;
      if (best === -1 || gap > bestGap) {
        best = i;
        bestGap = gap;
      }
    }
    if (best === -1) break;
    shown[best] = shown[best]! + (up ? 1n : -1n);
    steps += up ? -1n : 1n;
  }
  return shown;
}
