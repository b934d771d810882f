import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { loadFixtures } from "@/test/support/budget/fixtures";
import { priorComparison, generalBudgetAmounts } from "./prior-comparison";
import { packageToBudget } from "@/lib/budget/package/to-budget";

const fixture = loadFixtures().find((f) => f.name === "beibei-petition-office-2024")!;
const names = { functionName: (c: string) => `名${c}`, economicName: (c: string) => `名${c}` };

describe("comparison with last year", () => {
  it("orders rows by the size of the change, largest first, and computes each change", () => {
    const current = generalBudgetAmounts(fixture.budget);
    const [code, amount] = [...current.byFunction.entries()][0]!;
    const prior = { byFunction: { [code]: amount.minus(5_000_000), "2010308": new Decimal(30_000) } };
    const { byFunction, byEconomic } = priorComparison(fixture.budget, prior, names);
    expect(byFunction[0]).toMatchObject({ code, change: "500.00" });
    const gone = byFunction.find((r) => r.code === "2010308")!;
    expect(gone).toMatchObject({ current: "0.00", prior: "3.00", change: "-3.00" });
    const changes = byFunction.map((r) => new Decimal(r.change!).abs());
    expect(changes).toEqual([...changes].sort((a, b) => b.comparedTo(a)));
    // Without last year's lines by economic class there is nothing to compare against.
    expect(byEconomic.every((r) => r.prior === null && r.change === null)).toBe(true);
  });

  it("counts general-budget money only", () => {
    const budget = packageToBudget(fixture.pkg);
    budget.basicExpenditure.push({ function: "2014001", economic: "30101", amount: new Decimal(1_000_000), fund: "governmentFund" });
    expect(generalBudgetAmounts(budget).byFunction.get("2014001")).toEqual(generalBudgetAmounts(fixture.budget).byFunction.get("2014001"));
  });
});
