import Decimal from "decimal.js";
import { parseAmount } from "@/lib/budget/money";
import type { BudgetPackage } from "@/lib/budget/package/schema";
import { THREE_PUBLIC_KEYS } from "@/lib/final/model";
import type { FinalPackage } from "./schema";

type FinalProjectPackage = NonNullable<FinalPackage["projects"]>[number];

/** 元 with two decimals, the unit of a 决算 started from a budget (actuals are entered to the fen). */
const yuan = (d: Decimal) => d.toFixed(2);

/**
 * The 决算 of year Y as it starts from the budget of Y: every basic line (merged by 功能 项 × 经济
 * 款 × fund, as the 决算 tables show them), every project with its 绩效指标 carried into the 自评
 * indicators (plus 预算执行率 where the budget weights it), and 三公 — each as the 年初预算数
 * column, in 元. 机关运行经费 is the 公用经费 of the basic lines, so it comes with them. Nothing
 * actual is invented: 决算数, income, 结转结余, 实物量 and 政府采购 are the accountant's to enter.
 */
export function finalPackageFromBudget(budget: BudgetPackage): FinalPackage {
  const a = (s: string | undefined) => (s === undefined ? new Decimal(0) : parseAmount(s, budget.amountUnit));

  const basic = new Map<string, { function: string; economic: string; fund: NonNullable<FinalProjectPackage["fund"]>; initial: Decimal }>();
  for (const l of budget.basicExpenditure ?? []) {
    const fund = l.fund ?? "generalBudget";
    const key = `${l.function}|${l.economic}|${fund}`;
    const line = basic.get(key) ?? { function: l.function, economic: l.economic, fund, initial: new Decimal(0) };
    line.initial = line.initial.plus(a(l.amount));
    basic.set(key, line);
  }

  const projects: FinalProjectPackage[] = (budget.projects ?? [])
    // 一级项目 group the 二级 projects that carry the money; only these are spent and evaluated.
    .filter((p) => p.tier !== "program")
    .map((p) => {
      const amount = a(p.amount);
      const superior = Decimal.min(a(p.superiorSubsidy), amount);
      const indicators = (p.indicators ?? []).map((i) => ({ ...i, actual: "" }));
      if (p.executionRateWeight !== undefined && !new Decimal(p.executionRateWeight).isZero()) {
        indicators.push({
          level1: "",
          level2: "",
          name: "预算执行率",
          unit: "%",
          operator: ">=",
          value: "100",
          weight: p.executionRateWeight,
          core: false,
          actual: "",
        });
      }
      return {
        code: p.code,
        name: p.name,
        subUnit: p.subUnit,
        function: p.function,
        ...(p.economic ? { economic: p.economic } : {}),
        fund: p.fund ?? "generalBudget",
        initial: yuan(amount),
        selfEvaluation: {
          department: budget.unit.name,
          implementer: budget.unit.subUnits?.find((u) => u.code === p.subUnit)?.name ?? budget.unit.name,
          budget: { superior: yuan(superior), local: yuan(amount.minus(superior)) },
          actual: {},
          ...(p.goal ? { goal: p.goal } : {}),
          indicators,
        },
      };
    });

  const tp = budget.threePublic;
  const contact = budget.unit.contact;
  return {
    format: budget.format,
    kind: "final",
    year: budget.year,
    amountUnit: "元",
    region: budget.region,
    unit: {
      code: budget.unit.code,
      name: budget.unit.name,
      ...(budget.unit.functions ? { functions: budget.unit.functions } : {}),
      ...(budget.unit.structure ? { structure: budget.unit.structure } : {}),
      ...(budget.unit.subUnits ? { subUnits: budget.unit.subUnits } : {}),
      ...(contact ? { contact } : {}),
    },
    basicExpenditure: [...basic.values()].map((l) => ({ function: l.function, economic: l.economic, fund: l.fund, initial: yuan(l.initial) })),
    projects,
    threePublic: Object.fromEntries(THREE_PUBLIC_KEYS.map((k) => [k, { initial: yuan(a(tp?.[k])) }])),
  };
}
