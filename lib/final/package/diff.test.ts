import { describe, expect, it } from "vitest";
import { loadFinalFixtures } from "@/test/support/final/fixtures";
import { diffFinalPackages } from "./diff";

describe("what changed between two submissions of a 决算", () => {
  const pkg = JSON.parse(loadFinalFixtures()[0]!.text);

  it("is nothing for the same package, and each changed, added or removed field by its path and Chinese label", () => {
    expect(diffFinalPackages(pkg, structuredClone(pkg))).toEqual([]);
    const next = structuredClone(pkg);
    next.basicExpenditure[0].actual = "1.00";
    next.meetings = "9.99";
    delete next.training;
    const changes = diffFinalPackages(pkg, next);
    expect(changes.map((c) => c.path).sort()).toEqual(["basicExpenditure[0].actual", "meetings", "training"].sort());
    const line = changes.find((c) => c.path === "basicExpenditure[0].actual")!;
    expect(line).toMatchObject({ before: pkg.basicExpenditure[0].actual, after: "1.00" });
    expect(line.label).toContain(pkg.basicExpenditure[0].function);
    expect(line.label).toMatch(/决算数/);
    expect(changes.find((c) => c.path === "training")).toMatchObject({ after: null });
  });

  it("takes one amount written two ways (as a workbook and a draft give it) for no change", () => {
    const next = structuredClone(pkg);
    next.basicExpenditure[0].actual = "2510000";
    const before = structuredClone(pkg);
    before.basicExpenditure[0].actual = "2510000.00";
    expect(diffFinalPackages(before, next)).toEqual([]);
  });
});
