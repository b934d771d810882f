import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import type { BasicLine } from "@/lib/budget/model";
import { ceilingChecks, editorCeilingUse, type EditorCeiling } from "./ceiling-checks";

const basic = (amount: string): BasicLine => ({ function: "2010101", economic: "30101", fund: "generalBudget", amount: new Decimal(amount) });
const ceiling = (amount: string, usedByUnits = "0"): EditorCeiling => ({
  fund: "generalBudget",
  kind: "basic",
  projectCode: "",
  amount: new Decimal(amount),
  usedByUnits: new Decimal(usedByUnits),
});
const budget = { basicExpenditure: [basic("60000"), basic("40000.00")], projects: [] };

describe("the editor's 控制数 checks", () => {
  it("are 报送's: the ceiling.exceeded finding with the amounts, once what is on screen passes the ceiling", () => {
    expect(ceilingChecks(budget, [ceiling("100000")], true)).toEqual([]);
    expect(ceilingChecks(budget, [ceiling("99999.99")], true)).toEqual([
      {
        rule: "ceiling.exceeded",
        severity: "error",
        path: "basicExpenditure",
        message: "一般公共预算拨款基本支出超出控制数：控制数 10.00 万元（99999.99 元），已安排 10.00 万元（100000.00 元），超出 0.00 万元（0.01 元）",
      },
    ]);
  });

  it("count the units' share of a department with units, as the consolidation 报送 holds to the ceiling", () => {
    const [use] = editorCeilingUse(budget, [ceiling("150000", "50000.01")]);
    expect([use!.used.toFixed(2), use!.left.toFixed(2), use!.exceeded]).toEqual(["150000.01", "-0.01", true]);
    expect(ceilingChecks(budget, [ceiling("150000", "50000.01")], true).map((f) => f.rule)).toEqual(["ceiling.exceeded"]);
  });

  it("are none for a unit's budget, which hands in to its department", () => {
    expect(ceilingChecks(budget, [ceiling("1")], false)).toEqual([]);
  });
});
