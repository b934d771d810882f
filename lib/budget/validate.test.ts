import { describe, expect, it } from "vitest";
import { loadFixtures } from "@/test/support/budget/fixtures";
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
    expect(errors[1]!.message).toContain(`${fixture.pkg.year} 年科目目录中没有 2999999，请管理员导入 ${fixture.pkg.year} 年完整科目目录`);
    expect(errors[3]!.message).toContain("重复");
    expect(errors[4]!.message).toContain("不是本部门的所属单位");
  });
});

describe("codes of the year's own catalogue (2024 信访办)", () => {
  const fixture = loadFixtures().find((f) => f.name === "beibei-petition-office-2024")!;

  it("refuses 2010308, a 2023 code, as a current-year line, naming the code", () => {
    const pkg = structuredClone(fixture.pkg);
    pkg.basicExpenditure![0]!.function = "2010308";
    const errors = validatePackage(pkg, fixture.catalog);
    expect(errors).toEqual([
      { path: "basicExpenditure[0].function", message: expect.stringContaining("2024 年科目目录中没有 2010308，请管理员导入 2024 年完整科目目录") },
    ]);
  });

  it("accepts 2010308 as a prior-year code (last year's catalogue has it), and refuses a code neither year has", () => {
    expect(fixture.pkg.priorYear?.expenditureByFunction?.["2010308"]).toBeDefined();
    expect(validatePackage(fixture.pkg, fixture.catalog)).toEqual([]);
    const pkg = structuredClone(fixture.pkg);
    pkg.priorYear!.expenditureByFunction!["2999998"] = pkg.priorYear!.expenditureByFunction!["2010308"]!;
    expect(validatePackage(pkg, fixture.catalog)).toEqual([
      {
        path: "priorYear.expenditureByFunction.2999998",
        message: expect.stringContaining("2024 年和 2023 年科目目录中都没有 2999998，请管理员导入 2023 年完整科目目录"),
      },
    ]);
  });

  it("without last year's catalogue, a prior-year code only last year had is refused with what to import", () => {
    const { previous: _previous, ...alone } = fixture.catalog;
    expect(validatePackage(fixture.pkg, alone)).toEqual([
      { path: "priorYear.expenditureByFunction.2010308", message: expect.stringContaining("2024 年科目目录中没有 2010308，且未导入 2023 年科目目录") },
    ]);
  });
});
