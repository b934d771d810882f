import type { TableContext } from "./context";
import { fmt, indicatorRows } from "./common";
import { fillYear } from "./template";
import type { T11ProjectPerformance } from "./types";

/** 表十一 项目支出绩效目标表: one per project marked `disclose`, in the budget's order. */
export function buildT11(ctx: TableContext): T11ProjectPerformance[] {
  const { budget, shown } = ctx;
  const subUnits = new Map(budget.unit.subUnits.map((s) => [s.code, s.name]));
  const out: T11ProjectPerformance[] = [];
  budget.projects.forEach((p, i) => {
    if (!p.disclose) return;
    const printed = shown.projects[i]!;
    out.push({
      title: fillYear(ctx.template.projectTableTitle, budget.year),
      project: {
        code: p.code,
        name: p.name,
        subUnit: { code: p.subUnit, name: subUnits.get(p.subUnit) ?? "" },
        department: budget.unit.name,
        executionRateWeight: p.executionRateWeight ?? "",
        category: p.category ?? "",
        amount: fmt(printed.amount),
        ownArrangement: fmt(printed.ownArrangement),
        superiorSubsidy: fmt(printed.superiorSubsidy),
        summary: p.summary ?? "",
        basis: p.basis ?? "",
        goal: p.goal ?? "",
      },
      indicators: indicatorRows(p.indicators),
    });
  });
  return out;
}
