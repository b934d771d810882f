import { describe, expect, it } from "vitest";
import Decimal from "decimal.js";
import { loadFixtures } from "@/test/support/budget/fixtures";
import { amountChanges } from "./amount-changes";
import { packageToBudget } from "@/lib/budget/package/to-budget";
import { budgetToPackage } from "@/lib/budget/package/from-budget";

// A deep copy through the package form (structuredClone cannot copy Decimal).
const budget = () => packageToBudget(budgetToPackage(loadFixtures()[0]!.budget));

describe("amountChanges", () => {
  it("finds nothing between a budget and itself", () => {
    expect(amountChanges(budget(), budget())).toEqual([]);
  });

  it("names a changed line by its subjects with old and new value in 元, whatever its position", () => {
    const before = budget();
    const after = budget();
    after.basicExpenditure.reverse();
    after.basicExpenditure[0]!.amount = new Decimal("123.45");
    const line = after.basicExpenditure[0]!;
    const old = before.basicExpenditure.find((l) => l.function === line.function && l.economic === line.economic && l.fund === line.fund)!;
    expect(amountChanges(before, after)).toEqual([
      {
        key: `basic/${line.function}/${line.economic}/${line.fund}`,
        label: expect.stringContaining("基本支出"),
        oldValue: old.amount.toFixed(2),
        newValue: "123.45",
      },
    ]);
  });

  it("reports added and removed projects, and a first version as all added", () => {
    const before = budget();
    const after = budget();
    const removed = after.projects.pop()!;
    const changes = amountChanges(before, after);
    expect(changes.filter((c) => c.key.startsWith(`project/${removed.code}/`)).every((c) => c.newValue === null)).toBe(true);
    expect(amountChanges(null, after).every((c) => c.oldValue === null)).toBe(true);
  });

  it("diffs only the parts asked for (a section save diffs its own section)", () => {
    const before = budget();
    const after = budget();
    after.basicExpenditure[0]!.amount = after.basicExpenditure[0]!.amount.plus(1);
    after.income.generalBudget = after.income.generalBudget.plus(1);
    const all = amountChanges(before, after);
    expect(all.some((c) => c.key.startsWith("income/"))).toBe(true);
    const basic = amountChanges(before, after, ["basicExpenditure"]);
    expect(basic).toHaveLength(1);
    expect(basic[0]!.key.startsWith("basic/")).toBe(true);
    expect(amountChanges(before, after, ["projects"])).toEqual([]);
  });
});
