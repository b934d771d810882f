import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { loadFixtures } from "@/test/support/budget/fixtures";
import { consolidate, INTERNAL_TRANSFER_CATEGORIES, type UnitBudget } from "./consolidate";
import { FUNDS, type Budget } from "./model";
import { ZERO, sum } from "./money";
import { packageToBudget } from "./package/to-budget";
import { checkBudget } from "./rules";
import { buildTables } from "./tables";
import { buildNarrative } from "./narrative";

const office = loadFixtures().find((f) => f.name === "beibei-government-office-2024")!;
const wan = (s: string) => new Decimal(s).times(10_000);
const UNITS = [
  { code: "104001", name: "重庆市北碚区人民政府办公室（本级）" },
  { code: "104002", name: "重庆市北碚区信息中心" },
];

/** An empty part: the same budget with no amounts. */
function emptied(b: Budget): Budget {
  const zeroIncome = Object.fromEntries(FUNDS.map((f) => [f, ZERO])) as unknown as Budget["income"];
  return {
    ...b,
    income: { ...zeroIncome, carryover: { generalBudget: ZERO, governmentFund: ZERO, stateCapital: ZERO } },
    basicExpenditure: [],
    projects: [],
    threePublic: { abroad: ZERO, vehiclePurchase: ZERO, vehicleOperation: ZERO, reception: ZERO },
    procurement: [],
    assets: { ...b.assets, vehicles: { general: 0, lawEnforcement: 0, other: 0 }, plannedPurchase: { general: 0, lawEnforcement: 0, other: 0 } },
  };
}

/** The fixture split into two balanced units: every other line and project to the second unit. */
function split(): { whole: Budget; own: Budget; units: UnitBudget[] } {
  const whole = packageToBudget(office.pkg);
  const second = emptied(whole);
  second.basicExpenditure = whole.basicExpenditure.filter((_, i) => i % 2 === 1);
  second.projects = whole.projects.filter((_, i) => i % 2 === 1);
  for (const fund of FUNDS) second.income[fund] = sum([...second.basicExpenditure, ...second.projects].filter((l) => l.fund === fund).map((l) => l.amount));
  const first: Budget = {
    ...whole,
    basicExpenditure: whole.basicExpenditure.filter((_, i) => i % 2 === 0),
    projects: whole.projects.filter((_, i) => i % 2 === 0),
    income: { ...whole.income, ...Object.fromEntries(FUNDS.map((f) => [f, whole.income[f].minus(second.income[f])])) },
  };
  return {
    whole,
    own: emptied(whole),
    units: [
      { ...UNITS[0]!, budget: first },
      { ...UNITS[1]!, budget: second },
    ],
  };
}

describe("部门汇总 (consolidate)", () => {
  it("gives the department exactly the tables and narrative of the same lines kept in one budget", () => {
    const { whole, own, units } = split();
    const department = consolidate(own, units);
    expect(buildTables(department, office.catalog)).toEqual(buildTables(whole, office.catalog));
    expect(buildNarrative(department, office.catalog)).toEqual(buildNarrative(whole, office.catalog));
    expect(department.basicExpenditure.every((l) => l.subUnit === "104001" || l.subUnit === "104002")).toBe(true);
    expect(department.basicExpenditure.filter((l) => l.subUnit === "104002")).toHaveLength(units[1]!.budget.basicExpenditure.length);
    expect(department.unit.subUnits.map((s) => s.code)).toEqual(expect.arrayContaining(["104001", "104002"]));
  });

  it("is the department's own budget when it has no units", () => {
    const whole = packageToBudget(office.pkg);
    expect(consolidate(whole, [])).toBe(whole);
  });

  /** 本级 pays 信息中心 30 万元 (对附属单位补助) out of its general budget; 信息中心 spends it. */
  function withSubsidy(received: string) {
    const { own, units } = split();
    const [parent, child] = units as [UnitBudget, UnitBudget];
    parent.budget.income.generalBudget = parent.budget.income.generalBudget.plus(wan("30"));
    parent.budget.projects = [
      ...parent.budget.projects,
      {
        ...parent.budget.projects[0]!,
        code: "T-SUBSIDY",
        name: "对信息中心补助",
        subUnit: "104002",
        fund: "generalBudget",
        amount: wan("30"),
        ownArrangement: wan("30"),
        superiorSubsidy: ZERO,
        category: INTERNAL_TRANSFER_CATEGORIES.subsidy,
        disclose: false,
      },
    ];
    child.budget.income.superiorSubsidy = wan(received);
    child.budget.basicExpenditure = [
      ...child.budget.basicExpenditure,
      { function: "2010350", economic: "30201", fund: "superiorSubsidy", amount: wan(received) },
    ];
    return { own, units, parent, child };
  }

  it("eliminates a matched 对附属单位补助 and counts what the unit spends of it under the payer's fund", () => {
    const { whole } = split();
    const { own, units } = withSubsidy("30");
    const department = consolidate(own, units);
    expect(department.income.superiorSubsidy.toFixed(2)).toBe(whole.income.superiorSubsidy.toFixed(2));
    // The department's general-budget income is its own 30 万元 more, spent once (by the unit).
    expect(department.income.generalBudget.minus(whole.income.generalBudget).toFixed(2)).toBe(wan("30").toFixed(2));
    expect(department.projects.some((p) => p.code === "T-SUBSIDY")).toBe(false);
    const moved = department.basicExpenditure.find((l) => l.function === "2010350" && l.economic === "30201" && l.subUnit === "104002")!;
    expect(moved.fund).toBe("generalBudget");
    expect(department.internalTransfers).toEqual([{ kind: "subsidy", payers: [UNITS[0]!.name], receiver: UNITS[1], paid: wan("30"), received: wan("30") }]);
    const rules = checkBudget(department, office.catalog).filter((f) => f.rule === "consolidation.internal-transfers-match" || f.rule === "balance.fund");
    expect(rules).toEqual([]);
  });

  it("reports, naming both units and amounts, a transfer whose two sides differ", () => {
    const { own, units } = withSubsidy("25");
    const findings = checkBudget(consolidate(own, units), office.catalog).filter((f) => f.rule === "consolidation.internal-transfers-match");
    expect(findings.map((f) => f.message)).toEqual([
      "重庆市北碚区信息中心的上级补助收入 25.00 万元，与重庆市北碚区人民政府办公室（本级）列支的对附属单位补助 30.00 万元不一致（差额 50000.00 元），部门汇总时无法抵消",
    ]);
  });

  it("eliminates 附属单位上缴 the other way, and reports remit income no unit paid", () => {
    const { own, units } = split();
    const [parent, child] = units as [UnitBudget, UnitBudget];
    parent.budget.income.subordinateRemit = wan("5");
    parent.budget.basicExpenditure = [
      ...parent.budget.basicExpenditure,
      { function: "2010350", economic: "30201", fund: "subordinateRemit", amount: wan("5") },
    ];
    const unpaid = checkBudget(consolidate(own, units), office.catalog).filter((f) => f.rule === "consolidation.internal-transfers-match");
    expect(unpaid.map((f) => f.message)).toEqual([
      "重庆市北碚区人民政府办公室（本级）的附属单位上缴收入 5.00 万元，与本部门各单位列支的上缴上级支出 0.00 万元不一致（差额 50000.00 元），部门汇总时无法抵消",
    ]);
    child.budget.income.operations = child.budget.income.operations.plus(wan("5"));
    child.budget.projects = [
      ...child.budget.projects,
      {
        ...parent.budget.projects[0]!,
        code: "T-REMIT",
        name: "上缴本级",
        subUnit: "104001",
        fund: "operations",
        amount: wan("5"),
        ownArrangement: wan("5"),
        superiorSubsidy: ZERO,
        category: INTERNAL_TRANSFER_CATEGORIES.remit,
        disclose: false,
      },
    ];
    const department = consolidate(own, units);
    expect(department.income.subordinateRemit.toFixed(2)).toBe("0.00");
    expect(checkBudget(department, office.catalog).filter((f) => f.rule === "consolidation.internal-transfers-match" || f.rule === "balance.fund")).toEqual([]);
  });
});
