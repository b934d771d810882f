import { describe, expect, it } from "vitest";
import { duplicateGroups, emptyAmounts, mergeGroup } from "./basic-lines";

const line = (fn: string, eco: string, amount: string, fund = "generalBudget") => ({ function: fn, economic: eco, fund, amount });

describe("duplicateGroups", () => {
  it("finds rows sharing 项, 款 and 资金来源, and only those", () => {
    const lines = [line("2010301", "30101", "1"), line("2010301", "30101", "2", "governmentFund"), line("2010301", "30101", "3"), line("", "", "")];
    expect(duplicateGroups(lines)).toEqual([{ rows: [0, 2], function: "2010301", economic: "30101", fund: "generalBudget" }]);
  });
  it("does not compare rows whose codes are still empty", () => {
    expect(duplicateGroups([line("", "", "1"), line("", "", "2")])).toEqual([]);
  });
});

describe("mergeGroup", () => {
  it("adds the amounts into the first row and drops the others", () => {
    const lines = [line("2010301", "30101", "1.10"), line("2010350", "30101", "5"), line("2010301", "30101", "2.25"), line("2010301", "30101", "")];
    expect(mergeGroup(lines, [0, 2, 3])).toEqual([line("2010301", "30101", "3.35"), line("2010350", "30101", "5")]);
  });
  it("refuses while an amount is not valid", () => {
    expect(mergeGroup([line("1", "2", "1"), line("1", "2", "abc")], [0, 1])).toBeUndefined();
  });
});

describe("emptyAmounts", () => {
  it("names each empty amount by its row counted from 1", () => {
    expect(emptyAmounts([line("1", "2", "5"), line("1", "2", " ")])).toEqual([
      { row: 1, field: "amount", message: expect.stringContaining("基本支出 第 2 行 金额") },
    ]);
  });
});
