import { describe, expect, it } from "vitest";
import { saveSectionInput } from "@/lib/actions/budget/budget.schema";

// The editor sends the section as it loaded it; without it every save after another tab's save of
// a different section was reported as a same-section conflict (the schema used to drop it).
describe("save action input", () => {
  it("keeps the section as the editor loaded it", () => {
    const base = { income: { other: "1000.00" } };
    const parsed = saveSectionInput.parse({ budgetId: 1, expectedVersion: 2, section: "income", values: base, base });
    expect(parsed.base).toEqual(base);
  });

  it("accepts a save without it", () => {
    const parsed = saveSectionInput.parse({ budgetId: 1, expectedVersion: 2, section: "income", values: {} });
    expect(parsed.base).toBeUndefined();
  });
});
