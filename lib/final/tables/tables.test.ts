import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { packageToFinal, type FinalAccounts } from "@/lib/final/model";
import { loadFinalFixtures } from "@/test/support/final/fixtures";
import { buildFinalTables } from "./index";

const fixture = loadFinalFixtures().find((f) => f.name === "beibei-government-office-2020-final")!;
const yuan = (wan: string) => new Decimal(wan).times(10_000);

/** The fixture with money in every fund the tables separate, and amounts that need rounding. */
function mixed(): FinalAccounts {
  const f = packageToFinal(fixture.pkg);
  f.projects.push(
    { code: "SC1", name: "国资项目", function: "2010302", fund: "stateCapital", initial: yuan("1"), adjusted: yuan("1"), actual: new Decimal("10049.99") },
    { code: "OT1", name: "其他收入项目", function: "2101101", fund: "other", initial: yuan("0"), adjusted: yuan("0"), actual: yuan("3.333") },
  );
  f.income.push({ function: "2010302", fund: "stateCapital", amount: new Decimal("10049.99") }, { function: "2101101", fund: "other", amount: yuan("2") });
  f.carryover.opening.other = yuan("1.333");
  f.carryover.opening.governmentFund = yuan("0.5");
  f.carryover.closing.governmentFund = yuan("0.5");
  return f;
}

const t = buildFinalTables(mixed(), fixture.catalog);
const d = (s: string) => new Decimal(s);
const total = (xs: string[]) => xs.reduce((a, x) => a.plus(x), new Decimal(0)).toFixed(2);

describe("决算 tables", () => {
  it("F1 收入支出决算总表: sources add up to 本年收入合计, both 总计 agree", () => {
    const i = t.F1.income;
    expect(total([i.generalBudget, i.governmentFund, i.stateCapital, i.superiorSubsidy, i.operations, i.business, i.subordinateRemit, i.other])).toBe(i.total);
    expect(i.stateCapital).toBe("1.00");
    expect(i.other).toBe("2.00");
    expect(d(i.total).plus(i.opening).toFixed(2)).toBe(i.grandTotal);
    expect(total(t.F1.expenditure.byClass.map((c) => c.amount))).toBe(t.F1.expenditure.total);
    expect(t.F1.expenditure.grandTotal).toBe(i.grandTotal);
  });

  it("F2 收入决算表: 财政拨款 column holds the three fiscal funds, other income its own column", () => {
    expect(t.F2.total.total).toBe(t.F1.income.total);
    expect(t.F2.total.fiscal).toBe(total([t.F1.income.generalBudget, t.F1.income.governmentFund, t.F1.income.stateCapital]));
    expect(t.F2.rows.find((r) => r.code === "2101101")!.other).toBe("2.00");
  });

  it("F3 支出决算表: 合计 = 基本 + 项目 on every row", () => {
    for (const r of [t.F3.total, ...t.F3.rows]) expect(d(r.basic).plus(r.project).toFixed(2)).toBe(r.total);
    expect(t.F3.total.total).toBe(t.F1.expenditure.total);
  });

  it("F4 财政拨款收入支出决算总表: fiscal funds only, income side = expenditure side", () => {
    expect(t.F4.income.current.stateCapital).toBe("1.00");
    expect(t.F4.expenditure.current.stateCapital).toBe("1.00");
    expect(t.F4.income.opening.governmentFund).toBe("0.50");
    expect(t.F4.expenditure.closing.governmentFund).toBe("0.50");
    expect(t.F4.income.total).toBe(t.F4.expenditure.total.total);
    expect(t.F4.expenditure.total.total).not.toBe(t.F1.expenditure.grandTotal);
  });

  it("F5 一般公共预算财政拨款支出决算表: general budget only, with 年初预算数", () => {
    expect(t.F5.total).toEqual({ initial: "1747.66", total: "1833.68", basic: "1627.53", project: "206.15" });
    expect(t.F5.rows.map((r) => r.code)).toEqual([
      "201",
      "20103",
      "2010301",
      "2010302",
      "208",
      "20805",
      "2080505",
      "210",
      "21011",
      "2101101",
      "221",
      "22102",
      "2210201",
    ]);
  });

  it("F6 基本支出决算表: 人员经费 are 301/303, 公用经费 the rest", () => {
    const row = (code: string) => t.F6.rows.find((r) => r.code === code)!;
    expect(row("301")).toMatchObject({ personnel: "1171.00", public: "0.00" });
    expect(row("302")).toMatchObject({ personnel: "0.00", public: "456.53" });
    expect(row("30217").total).toBe("1.91");
  });

  it("F7 三公: 预算数 is 全年预算数, 小计 and 合计 summed from printed items", () => {
    const f = mixed();
    f.threePublic.reception.adjusted = yuan("20");
    const t7 = buildFinalTables(f, fixture.catalog).F7;
    expect(t7.budget).toMatchObject({ total: "52.90", vehicle: "32.90", reception: "20.00" });
    expect(t7.actual.total).toBe("43.22");
  });

  it("F8 政府性基金: carryovers and income, spending by function; empty ⇒ note", () => {
    expect(t.F8).toMatchObject({ opening: "0.50", income: "84.57", closing: "0.50", total: { total: "84.57", basic: "0.00", project: "84.57" } });
    expect(t.F8.note).toBeUndefined();
    const f = packageToFinal(fixture.pkg);
    f.projects = f.projects.filter((p) => p.fund !== "governmentFund");
    f.income = f.income.filter((l) => l.fund !== "governmentFund");
    expect(buildFinalTables(f, fixture.catalog).F8.note).toBe("本部门2020年度无政府性基金预算财政拨款收支，故此表无数据。");
  });

  it("F9 国有资本经营: rounds each atom once (10,049.99 元 → 1.00 万元); empty ⇒ note", () => {
    expect(t.F9.total).toEqual({ total: "1.00", basic: "0.00", project: "1.00" });
    expect(t.F9.note).toBeUndefined();
    expect(buildFinalTables(packageToFinal(fixture.pkg), fixture.catalog).F9.note).toContain("无国有资本经营预算财政拨款支出");
  });

  it("F10 绩效自评表: 执行率 computed, split apportioned to the project's printed amounts, score summed", () => {
    const f = packageToFinal(fixture.pkg);
    const p = f.projects[0]!;
    p.adjusted = new Decimal("300000");
    p.actual = new Decimal("250050");
    p.selfEvaluation!.budget = { superior: new Decimal("100000"), local: new Decimal("200000") };
    p.selfEvaluation!.actual = { superior: new Decimal("100025"), local: new Decimal("150025") };
    p.selfEvaluation!.indicators[0]!.actual = "90";
    const [e] = buildFinalTables(f, fixture.catalog).F10;
    expect(e!.funds.total).toEqual({ budget: "30.00", actual: "25.01", rate: "83.37" });
    expect(d(e!.funds.superior.actual).plus(e!.funds.local.actual).toFixed(2)).toBe("25.01");
    expect(e!.indicators[0]).toMatchObject({ ratio: "90", score: "27" });
    expect(e!.score).toBe("97");
  });
});
