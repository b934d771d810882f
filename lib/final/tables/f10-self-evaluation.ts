import Decimal from "decimal.js";
import { formatWan, sum } from "@/lib/budget/money";
import { executionRate, figure, indicatorRatio, indicatorScore } from "@/lib/final/compute/self-evaluation";
import type { FinalContext } from "./context";
import type { F10SelfEvaluation, FundingRow } from "./types";

/** "重庆市北碚区" → "北碚区": the 自评表 title names the district without its province or city. */
export function districtName(regionName: string): string {
  return regionName.replace(/^.+?(省|自治区)/, "").replace(/^.+?市(?=.+[区县旗])/, "");
}

/** 项目支出绩效自评表, one per project that has a self-evaluation, in package order. */
export function buildF10(ctx: FinalContext): F10SelfEvaluation[] {
  const { final, shown } = ctx;
  const title = `${districtName(final.region.name)}${final.year}年度项目支出绩效自评表`;
  const contact = [final.unit.contact.name, final.unit.contact.phone].filter(Boolean).join("    ");
  const out: F10SelfEvaluation[] = [];
  final.projects.forEach((p, i) => {
    const se = p.selfEvaluation;
    const money = shown.selfEvaluations[i];
    if (!se || !money) return;
    const row = (budget: typeof money.budget.local, actual: typeof money.actual.local): FundingRow => ({
      budget: formatWan(budget),
      actual: formatWan(actual),
      rate: executionRate(budget, actual),
    });
    const scores = se.indicators.map(indicatorScore);
    const implementer = se.implementer ?? final.unit.subUnits.find((s) => s.code === p.subUnit)?.name ?? final.unit.name;
    out.push({
      title,
      project: { code: p.code, name: p.name },
      reportingUnit: final.unit.name,
      department: se.department ?? final.unit.name,
      implementer,
      contact: se.contact ?? contact,
      score: figure(sum(scores)),
      funds: {
        total: row(money.budget.superior.plus(money.budget.local), money.actual.superior.plus(money.actual.local)),
        superior: row(money.budget.superior, money.actual.superior),
        local: row(money.budget.local, money.actual.local),
      },
      goal: se.goal ?? "",
      outcome: se.outcome ?? "",
      indicators: se.indicators.map((ind, k) => {
        const ratio = indicatorRatio(ind);
        return {
          level1: ind.level1 ?? "",
          level2: ind.level2 ?? "",
          name: ind.name,
          unit: ind.unit ?? "",
          operator: ind.operator,
          value: ind.value,
          weight: ind.weight ?? "",
          actual: ind.actual,
          ratio: ratio === undefined ? "" : figure(ratio),
          score: figure(scores[k]!),
          reason: ind.reason ?? "",
        };
      }),
      weightTotal: figure(sum(se.indicators.map((ind) => new Decimal(ind.weight ?? "0")))),
    });
  });
  return out;
}
