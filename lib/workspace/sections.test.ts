import { describe, expect, it } from "vitest";
import { STANDARD_GLOSSARY_TEXT } from "@/lib/budget/narrative";
import { checkSection } from "@/lib/workspace/check-section";
import { loadFixtures } from "@/test/support/budget/fixtures";
import { SECTIONS } from "./sections";

/** The workspace forms accept what published budgets contain (issue 12 §2). */
const petition = loadFixtures().find((f) => f.name === "beibei-petition-office-2024")!;

describe("workspace sections", () => {
  it("let 一级/二级指标 be left empty: an empty box is 'not published', not an empty string", () => {
    const values = SECTIONS.performance.pick(petition.pkg);
    values.performance.indicators![0] = { ...values.performance.indicators![0]!, level1: "", level2: "" };
    const checked = checkSection(petition.pkg, "performance", values, petition.catalog);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const first = checked.pkg.performance!.indicators![0]!;
    expect("level1" in first || "level2" in first).toBe(false);
  });

  it("show the standard 名词解释 until the department writes its own, and store only its own", () => {
    const values = SECTIONS.narrative.pick(petition.pkg);
    expect(values.narrative.glossary).toBe(STANDARD_GLOSSARY_TEXT);
    expect(SECTIONS.narrative.apply(petition.pkg, values).narrative!.glossary).toBeUndefined();
    values.narrative.glossary = "（一）基本支出：本部门的解释。";
    expect(SECTIONS.narrative.apply(petition.pkg, values).narrative!.glossary).toBe("（一）基本支出：本部门的解释。");
  });

  it("let a project be made a 一级项目, and another one belong to it", () => {
    const values = SECTIONS.projects.pick(petition.pkg);
    values.projects[0] = { ...values.projects[0]!, tier: "program", subUnit: "111" };
    values.projects[1] = { ...values.projects[1]!, program: values.projects[0]!.code };
    values.projects[2] = { ...values.projects[2]!, program: "" } as (typeof values.projects)[number];
    const checked = checkSection(petition.pkg, "projects", values, petition.catalog);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.pkg.projects!.map((p) => [p.tier, p.program])).toEqual([
      ["program", undefined],
      [undefined, "50010924T000000000001"],
      [undefined, undefined],
    ]);
  });
});
