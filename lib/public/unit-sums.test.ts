import { describe, expect, it } from "vitest";
import type { BudgetSummary } from "./budget-summary";
import { unitsBeside } from "./unit-sums";

const unit = (total: string, basic: string, project: string): BudgetSummary => ({ total, basic, project, threePublic: "0.00", byClass: [] });

describe("the units beside their department", () => {
  it("sums the units' printed figures and says nothing more when the department is exactly their sum", () => {
    expect(unitsBeside({ total: "18.85", basic: "18.85", project: "0.00" }, [unit("12.34", "12.34", "0.00"), unit("6.51", "6.51", "0.00")])).toEqual({
      sum: { total: "18.85", basic: "18.85", project: "0.00" },
      rest: null,
    });
  });

  it("shows what the department holds beyond its units (its own lines, less eliminated transfers), so the list adds up", () => {
    const { sum, rest } = unitsBeside({ total: "20.00", basic: "15.00", project: "5.00" }, [unit("12.00", "10.00", "2.00"), unit("10.00", "4.00", "6.00")]);
    expect(sum).toEqual({ total: "22.00", basic: "14.00", project: "8.00" });
    expect(rest).toEqual({ total: "-2.00", basic: "1.00", project: "-3.00" });
  });
});
