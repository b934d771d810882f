import { describe, expect, it } from "vitest";
import { differences, mergeValues, sameValue } from "./merge-values";

describe("mergeValues", () => {
  const base = { income: { generalBudget: "100.00", other: "", business: "5.00" } };
  it("takes each side's own changes", () => {
    const mine = { income: { generalBudget: "120.00", other: "", business: "5.00" } };
    const theirs = { income: { generalBudget: "100.00", other: "9.00", business: "5.00" } };
    expect(mergeValues(base, mine, theirs)).toEqual({ merged: { income: { generalBudget: "120.00", other: "9.00", business: "5.00" } }, conflicts: [] });
  });
  it("keeps mine where both changed a field differently, and names it", () => {
    const mine = { income: { generalBudget: "120.00", other: "", business: "5.00" } };
    const theirs = { income: { generalBudget: "130.00", other: "", business: "6.00" } };
    expect(mergeValues(base, mine, theirs)).toEqual({
      merged: { income: { generalBudget: "120.00", other: "", business: "6.00" } },
      conflicts: ["income.generalBudget"],
    });
  });
  it("merges lists row by row while the rows are the same, else keeps mine whole", () => {
    const b = { lines: [{ amount: "1" }, { amount: "2" }] };
    expect(mergeValues(b, { lines: [{ amount: "5" }, { amount: "2" }] }, { lines: [{ amount: "1" }, { amount: "7" }] }).merged).toEqual({
      lines: [{ amount: "5" }, { amount: "7" }],
    });
    const grown = mergeValues(b, { lines: [{ amount: "1" }, { amount: "2" }, { amount: "3" }] }, { lines: [{ amount: "9" }, { amount: "2" }] });
    expect(grown).toEqual({ merged: { lines: [{ amount: "1" }, { amount: "2" }, { amount: "3" }] }, conflicts: ["lines"] });
  });
  it("reads an empty box and a missing value alike", () => {
    expect(sameValue({ a: "" }, {})).toBe(true);
  });
});

describe("differences", () => {
  it("lists fields theirs beside mine", () => {
    expect(differences({ a: { x: "1", y: true } }, { a: { x: "2", y: true } })).toEqual([{ field: "a.x", theirs: "1", mine: "2" }]);
    expect(differences({ l: [{ v: "1" }] }, { l: [{ v: "1" }, { v: "2" }] })).toEqual([{ field: "l.1", theirs: "（空）", mine: "（有此行）" }]);
  });
});
