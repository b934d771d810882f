import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { ceilingBasis, ceilingFindings, ceilingUse, ceilingUseOfBasis, type Ceiling, type CeilingBasis } from "./ceilings";
import type { BasicLine, Project } from "./model";

const basic = (fund: BasicLine["fund"], amount: string): BasicLine => ({ function: "2010101", economic: "30101", fund, amount: new Decimal(amount) });
const project = (code: string, fund: Project["fund"], amount: string) => ({ code, fund, amount: new Decimal(amount) }) as unknown as Project;
const ceiling = (fund: Ceiling["fund"], kind: Ceiling["kind"], amount: string, projectCode = ""): Ceiling => ({
  fund,
  kind,
  projectCode,
  amount: new Decimal(amount),
});

describe("ceilingUse", () => {
  const budget = {
    basicExpenditure: [basic("generalBudget", "100000.10"), basic("generalBudget", "0.20"), basic("governmentFund", "500")],
    projects: [project("P1", "generalBudget", "300000"), project("P2", "generalBudget", "50000.01"), project("P3", "governmentFund", "7")],
  };

  it("sums 基本支出 and 项目支出 by fund, to the fen", () => {
    const [b, p, g] = ceilingUse(budget, [
      ceiling("generalBudget", "basic", "100000.30"),
      ceiling("generalBudget", "project", "350000"),
      ceiling("governmentFund", "basic", "400"),
    ]);
    expect(b!.used.toFixed(2)).toBe("100000.30");
    expect(b!.left.toFixed(2)).toBe("0.00");
    expect(b!.exceeded).toBe(false);
    expect(p!.used.toFixed(2)).toBe("350000.01");
    expect(p!.exceeded).toBe(true);
    expect(g!.left.toFixed(2)).toBe("-100.00");
  });

  it("holds a per-项目 ceiling to that project alone", () => {
    const [one] = ceilingUse(budget, [ceiling("generalBudget", "project", "300000", "P1")]);
    expect(one!.used.toFixed(2)).toBe("300000.00");
    expect(one!.exceeded).toBe(false);
  });

  it("reports an exceeded ceiling as a named error with the amounts in 万元 and 元", () => {
    const findings = ceilingFindings(ceilingUse(budget, [ceiling("generalBudget", "project", "350000")]));
    expect(findings).toEqual([
      {
        rule: "ceiling.exceeded",
        severity: "error",
        path: "projects",
        message: "一般公共预算拨款项目支出超出控制数：控制数 35.00 万元（350000.00 元），已安排 35.00 万元（350000.01 元），超出 0.00 万元（0.01 元）",
      },
    ]);
  });
});

describe("ceilingBasis", () => {
  it("keeps what the ceilings count, so the use read back from it (as stored, JSON) is the budget's", () => {
    const budget = {
      basicExpenditure: [basic("generalBudget", "100000.10"), basic("generalBudget", "0.20"), basic("governmentFund", "500")],
      projects: [project("P1", "generalBudget", "300000"), project("P1", "governmentFund", "2.5"), project("P2", "generalBudget", "50000.01")],
    };
    const ceilings = [
      ceiling("generalBudget", "basic", "100000"),
      ceiling("governmentFund", "basic", "500"),
      ceiling("generalBudget", "project", "350000"),
      ceiling("generalBudget", "project", "1", "P1"),
      ceiling("governmentFund", "project", "10", "P1"),
      ceiling("stateCapital", "basic", "1"),
    ];
    const stored = JSON.parse(JSON.stringify(ceilingBasis(budget))) as CeilingBasis;
    const shown = (uses: ReturnType<typeof ceilingUse>) => uses.map((u) => [u.label, u.used.toFixed(2), u.left.toFixed(2), u.exceeded]);
    expect(shown(ceilingUseOfBasis(stored, ceilings))).toEqual(shown(ceilingUse(budget, ceilings)));
    expect(shown(ceilingUseOfBasis(stored, ceilings))).toEqual([
      ["一般公共预算拨款基本支出", "100000.30", "-0.30", true],
      ["政府性基金预算拨款基本支出", "500.00", "0.00", false],
      ["一般公共预算拨款项目支出", "350000.01", "-0.01", true],
      ["一般公共预算拨款项目支出（项目 P1）", "300000.00", "-299999.00", true],
      ["政府性基金预算拨款项目支出（项目 P1）", "2.50", "7.50", false],
      [expect.any(String), "0.00", "1.00", false],
    ]);
  });
});
