import { readFileSync } from "node:fs";
import path from "node:path";
import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import type { BudgetPackage } from "@/lib/budget/package/schema";
import { describeChanges } from "./describe-changes";
import { mergePackages } from "./merge-package";
import { dropEmpty, pathOfField, pathToField, sectionOfPath, SECTION_ORDER, SECTIONS } from "./sections";

/**
 * The workspace's pure logic that the forms and the import stand on: package paths ↔ form
 * fields (a finding links to its input by this), merging an imported file into a draft, and the
 * per-section change summary the import preview shows.
 */
const fixture = (name: string) =>
  JSON.parse(readFileSync(path.join(__dirname, "..", "..", "test", "fixtures", `${name}.package.json`), "utf8")) as BudgetPackage;
const petition = fixture("beibei-petition-office-2024");

/** Every leaf path of a value, in the package's own notation ("projects[0].indicators[1].name"). */
function leafPaths(value: unknown, at = ""): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leafPaths(v, `${at}[${i}]`));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => leafPaths(v, at ? `${at}.${k}` : k));
  return [at];
}

describe("package paths and form fields", () => {
  it("turn bracketed indices into react-hook-form's dotted names", () => {
    expect(pathToField("projects[2].indicators[0].weight")).toBe("projects.2.indicators.0.weight");
    expect(pathToField("income.generalBudget")).toBe("income.generalBudget");
  });

  it("route a path to the section owning its top-level key", () => {
    expect(sectionOfPath("basicExpenditure[3].amount")).toBe("basic");
    expect(sectionOfPath("threePublic.reception")).toBe("three-public");
    expect(sectionOfPath("priorYear.t2.total")).toBe("prior");
    expect(sectionOfPath("narrative")).toBe("narrative");
    expect(sectionOfPath("noSuchPart.x")).toBeUndefined();
  });

  it("map every field of a real package to a field of its section and back to the same path", () => {
    const paths = leafPaths(petition).filter((p) => sectionOfPath(p) !== undefined && sectionOfPath(p) !== "prior");
    expect(paths.length).toBeGreaterThan(100);
    for (const p of paths) {
      const section = sectionOfPath(p)!;
      const field = SECTIONS[section].fieldOf(p);
      // The unit's code and name are not edited in the workspace: they have no field.
      if (field === undefined) {
        expect(p, `${p} has no field in ${section}`).toMatch(/^unit\.(code|name)$/);
        continue;
      }
      expect(pathOfField(section, field), `${p} → ${field}`).toBe(p);
    }
  });

  it("give the unit's 职能 lines a text field each (a list of strings edits as a list of objects)", () => {
    expect(SECTIONS.unit.fieldOf("unit.functions[1]")).toBe("functions.1.text");
    expect(pathOfField("unit", "functions.1.text")).toBe("unit.functions[1]");
  });

  it("refuse a path of another section", () => {
    for (const id of SECTION_ORDER) {
      const foreign = id === "projects" ? "basicExpenditure[0].amount" : "projects[0].amount";
      expect(SECTIONS[id].fieldOf(foreign), `${id} ← ${foreign}`).toBeUndefined();
    }
  });

  it("read an empty optional box as 'not given', and keep an empty required text", () => {
    expect(dropEmpty({ amount: "", name: "", list: [{ level1: "", weight: "10" }] })).toEqual({ name: "", list: [{ weight: "10" }] });
  });
});

describe("mergePackages (an imported file into a draft)", () => {
  const base = petition;

  it("replaces lines the file has, key by key, and keeps those it lacks", () => {
    const first = base.basicExpenditure![0]!;
    const incoming: BudgetPackage = {
      ...base,
      basicExpenditure: [
        { ...first, amount: "1.23" },
        { function: "2010301", economic: "39999", fund: "generalBudget", amount: "4.00" },
      ],
      projects: undefined,
      procurement: undefined,
    } as BudgetPackage;
    const merged = mergePackages(base, incoming);
    expect(merged.basicExpenditure).toHaveLength(base.basicExpenditure!.length + 1);
    expect(merged.basicExpenditure![0]).toEqual({ ...first, amount: "1.23" });
    expect(merged.basicExpenditure!.at(-1)).toMatchObject({ economic: "39999", amount: "4.00" });
    // What the file lacks stays as it was.
    expect(merged.projects).toEqual(base.projects);
    expect(merged.procurement).toEqual(base.procurement);
  });

  it("keys a line without a fund as 一般公共预算 (the same line as one that names it)", () => {
    const first = base.basicExpenditure![0]!;
    const { fund: _fund, ...unnamed } = first;
    const merged = mergePackages(
      { ...base, basicExpenditure: [{ ...first, fund: "generalBudget" }] },
      { ...base, basicExpenditure: [{ ...unnamed, amount: "9.00" }] },
    );
    expect(merged.basicExpenditure).toEqual([{ ...unnamed, amount: "9.00" }]);
  });

  it("never changes the department's code, and merges the income and its carry-over field by field", () => {
    const incoming = {
      ...base,
      unit: { ...base.unit, code: "999", structure: "新的机构设置" },
      income: { operations: "5.00", carryover: { governmentFund: "1.00" } },
    } as BudgetPackage;
    const merged = mergePackages(base, incoming);
    expect(merged.unit.code).toBe(base.unit.code);
    expect(merged.unit.structure).toBe("新的机构设置");
    expect(merged.income).toEqual({ ...base.income, operations: "5.00", carryover: { ...base.income?.carryover, governmentFund: "1.00" } });
  });

  it("takes the file's 整体绩效 goal without dropping the draft's indicators", () => {
    const merged = mergePackages(base, { ...base, performance: { goal: "新目标" } } as BudgetPackage);
    expect(merged.performance).toEqual({ goal: "新目标", indicators: base.performance?.indicators });
  });
});

describe("describeChanges (the import preview)", () => {
  it("finds nothing between a package and itself", () => {
    expect(describeChanges(petition, structuredClone(petition)).every((c) => c.added + c.removed + c.changed === 0)).toBe(true);
  });

  it("counts added, removed and changed lines per section, an amount compared to the fen", () => {
    const before = structuredClone(petition);
    before.basicExpenditure![1] = { ...before.basicExpenditure![1]!, amount: "1234.50" };
    const after = structuredClone(before);
    const lines = after.basicExpenditure!;
    lines[0] = { ...lines[0]!, amount: new Decimal(lines[0]!.amount ?? "0").plus("0.01").toFixed(2) };
    // The same amount written another way ("1234.50" as "1234.5") is no change.
    lines[1] = { ...lines[1]!, amount: "1234.5" };
    lines.splice(2, 1);
    lines.push({ function: "2010301", economic: "39999", fund: "generalBudget", amount: "1.00" });
    after.projects = after.projects!.slice(1);
    after.narrative = { ...after.narrative, incomeChange: "收入增加的原因" } as BudgetPackage["narrative"];
    const changes = Object.fromEntries(describeChanges(before, after).map((c) => [c.section, c]));
    expect(changes["基本支出"]).toEqual({ section: "基本支出", added: 1, removed: 1, changed: 1 });
    expect(changes["项目支出"]).toMatchObject({ added: 0, removed: 1, changed: 0 });
    expect(changes["情况说明"]).toMatchObject({ changed: 1 });
    expect(changes["收入预算"]).toMatchObject({ added: 0, removed: 0, changed: 0 });
  });
});
