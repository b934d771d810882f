import { describe, expect, it } from "vitest";
import { ALL_PARTS, BUDGET_PARTS, isSectionId, PACKAGE_KEY_ORDER, partOfPath, partOfSection, SECTION_ORDER } from "./parts";
import { parsePackageValue } from "./package/schema";
import { loadFixtures } from "@/test/support/budget/fixtures";
import { budgetToPackage } from "./package/from-budget";

describe("the registry of budget parts", () => {
  it("names each part once, in each of its three names", () => {
    for (const names of [SECTION_ORDER, PACKAGE_KEY_ORDER, ALL_PARTS, BUDGET_PARTS.map((p) => p.label)]) {
      expect(new Set(names).size).toBe(BUDGET_PARTS.length);
    }
  });

  it("finds a part by a package path, a top-level key or a section", () => {
    expect(partOfPath("projects[2].indicators[0].weight")?.section).toBe("projects");
    expect(partOfPath("threePublic.reception")?.section).toBe("three-public");
    expect(partOfPath("basicExpenditure")?.part).toBe("basic");
    expect(partOfPath("priorYear.expenditureByFunction.2010301")?.label).toBe("上年预算数");
    expect(partOfPath("T2")).toBeUndefined();
    expect(partOfSection("unit").part).toBe("subUnits");
    expect(isSectionId("three-public")).toBe(true);
    expect(isSectionId("threePublic")).toBe(false);
  });

  it("covers every top-level key of a package that holds budget content", () => {
    const pkg = budgetToPackage(loadFixtures()[0]!.budget);
    expect(parsePackageValue(pkg).ok).toBe(true);
    const header = new Set(["format", "kind", "year", "amountUnit", "region", "disclosure"]);
    for (const key of Object.keys(pkg).filter((k) => !header.has(k))) expect(partOfPath(key), key).toBeDefined();
  });
});
