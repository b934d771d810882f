import { describe, expect, it } from "vitest";
import { loadFixtures } from "@/lib/budget/testing/fixtures";
import { validatePackage } from "./validate";

describe.each(loadFixtures())("validatePackage on $name", (fixture) => {
  it("finds nothing wrong with the fixture", () => {
    expect(validatePackage(fixture.pkg, fixture.catalog)).toEqual([]);
  });

  it("reports wrong levels, unknown codes, duplicates and foreign sub-units in Chinese", () => {
    const pkg = structuredClone(fixture.pkg);
    pkg.basicExpenditure![0]!.function = "20103";
    pkg.basicExpenditure![1]!.economic = "302";
    pkg.basicExpenditure![2]!.function = "2999999";
    pkg.projects = [pkg.projects![0]!, structuredClone(pkg.projects![0]!)];
    pkg.projects![0]!.subUnit = "999001";
    const errors = validatePackage(pkg, fixture.catalog);
    expect(errors.map((e) => e.path)).toEqual([
      "basicExpenditure[0].function",
      "basicExpenditure[2].function",
      "basicExpenditure[1].economic",
      "projects[1].code",
      "projects[0].subUnit",
    ]);
    expect(errors[0]!.message).toContain("“项”级");
    expect(errors[1]!.message).toContain("不在 ");
    expect(errors[3]!.message).toContain("重复");
    expect(errors[4]!.message).toContain("不是本部门的所属单位");
  });
});
