import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { loadFixtures } from "@/test/support/budget/fixtures";
import { functionName, economicName } from "@/lib/catalog/catalog";
import { amountChanges } from "@/lib/budget/amount-changes";
import { diffBudgets } from "./submission-diff";
import { packageToBudget } from "@/lib/budget/package/to-budget";

const fixture = loadFixtures().find((f) => f.name === "beibei-petition-office-2024")!;
const names = { functionName: (c: string) => functionName(fixture.catalog, c), economicName: (c: string) => economicName(fixture.catalog, c) };
const clone = () => packageToBudget(fixture.pkg);

describe("diff between two submissions", () => {
  it("finds nothing when nothing changed, even when lines are reordered", () => {
    const after = clone();
    after.basicExpenditure.reverse();
    after.projects.reverse();
    expect(diffBudgets(fixture.budget, after, names)).toEqual([]);
  });

  it("reports a changed project amount and basis, an added and a removed line, to the fen", () => {
    const after = clone();
    const project = after.projects[0]!;
    project.amount = project.amount.plus("0.01");
    project.basis = "《新的立项依据》";
    const removed = after.basicExpenditure.shift()!;
    after.basicExpenditure.push({ function: "2014001", economic: "30299", amount: new Decimal("1200"), fund: "generalBudget" });
    const diff = diffBudgets(fixture.budget, after, names);
    const byKey = Object.fromEntries(diff.map((d) => [d.key, d]));
    expect(byKey[`project/${project.code}/amount`]).toMatchObject({ section: "projects", change: "changed" });
    const amountChange = byKey[`project/${project.code}/amount`]!;
    expect(new Decimal(amountChange.after!.replace(/[, 元]/g, "")).minus(amountChange.before!.replace(/[, 元]/g, "")).toFixed(2)).toBe("0.01");
    expect(byKey[`project/${project.code}/basis`]).toMatchObject({ change: "changed", after: "《新的立项依据》" });
    const removedKey = `basic/${removed.function}/${removed.economic}/${removed.fund}`;
    expect(after.basicExpenditure.some((l) => `basic/${l.function}/${l.economic}/${l.fund}` === removedKey)).toBe(false);
    expect(byKey[removedKey]).toMatchObject({ change: "removed", after: null });
    expect(byKey["basic/2014001/30299/generalBudget"]).toMatchObject({ change: "added", before: null, after: "1,200.00 元" });
    expect(byKey["basic/2014001/30299/generalBudget"]!.label).toContain("2014001 行政运行");
    // Keys are the trail's (one walk over the amounts).
    const amountKeys = diff.map((d) => d.key).filter((k) => k !== `project/${project.code}/basis`);
    expect(amountChanges(fixture.budget, after).map((c) => c.key)).toEqual(amountKeys.sort());
    // Sections come in the order of the form.
    const sections = diff.map((d) => d.section);
    expect(sections.lastIndexOf("basicExpenditure")).toBeLessThan(sections.indexOf("projects"));
  });

  it("reports a changed 上年预算数, with the registry's name for its part", () => {
    const after = clone();
    after.priorYear = { ...after.priorYear!, basic: after.priorYear!.basic.plus(100) };
    const diff = diffBudgets(fixture.budget, after, names);
    expect(diff).toEqual([expect.objectContaining({ section: "priorYear", key: "prior/basic", label: "上年预算数：基本支出", change: "changed" })]);
  });

  it("reports a project that was removed, with its amount", () => {
    const after = clone();
    const gone = after.projects.pop()!;
    const diff = diffBudgets(fixture.budget, after, names);
    expect(diff.find((d) => d.key === `project/${gone.code}/amount`)).toMatchObject({ change: "removed", after: null });
  });
});
