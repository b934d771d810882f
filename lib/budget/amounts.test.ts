import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { budgetAmounts } from "./amounts";
import { budgetToPackage } from "./package/from-budget";
import { packageToBudget } from "./package/to-budget";
import { PACKAGE_KEY_ORDER } from "./parts";
import { loadFixtures } from "@/test/support/budget/fixtures";

const fixture = loadFixtures().find((f) => f.name === "beibei-government-office-2024")!;
// A deep copy through the package form (structuredClone cannot copy Decimal).
const budget = () => packageToBudget(budgetToPackage(fixture.budget));

describe("budgetAmounts", () => {
  it("keys every amount by what it is, not where it stands", () => {
    const b = budget();
    const reordered = budget();
    reordered.basicExpenditure.reverse();
    reordered.projects.reverse();
    const keys = (x: typeof b) => [...budgetAmounts(x).keys()].sort();
    expect(keys(reordered)).toEqual(keys(b));
    const project = b.projects[0]!;
    const line = b.basicExpenditure[0]!;
    const all = budgetAmounts(b);
    expect(all.get(`project/${project.code}/amount`)).toMatchObject({ part: "projects", amount: project.amount });
    expect(all.get(`basic/${line.function}/${line.economic}/${line.fund}`)?.part).toBe("basicExpenditure");
    expect(all.get("income/generalBudget")?.label).toBe("收入预算：一般公共预算拨款");
    expect(all.get("threePublic/reception")?.label).toBe("“三公”经费：公务接待费");
    expect(all.get("prior/basic")?.part).toBe("priorYear");
  });

  it("adds up lines of the same identity, as the engine does", () => {
    const b = budget();
    const line = b.basicExpenditure[0]!;
    const key = `basic/${line.function}/${line.economic}/${line.fund}`;
    const before = budgetAmounts(b).get(key)!.amount;
    b.basicExpenditure.push({ ...line, amount: new Decimal("0.01") });
    expect(budgetAmounts(b).get(key)!.amount.minus(before).toFixed(2)).toBe("0.01");
  });

  it("sums to the budget's own totals by part, and names subjects when it is given names", () => {
    const b = budget();
    const all = [...budgetAmounts(b, { functionName: (c) => `F${c}`, economicName: (c) => `E${c}` }).values()];
    const basic = all.filter((a) => a.part === "basicExpenditure");
    expect(basic.reduce((s, a) => s.plus(a.amount), new Decimal(0)).toFixed(2)).toBe(
      b.basicExpenditure.reduce((s, l) => s.plus(l.amount), new Decimal(0)).toFixed(2),
    );
    expect(basic[0]!.label).toMatch(/^基本支出 \d+ F\d+ × \d+ E\d+（.+）$/);
    expect(all.every((a) => PACKAGE_KEY_ORDER.includes(a.part))).toBe(true);
  });
});
