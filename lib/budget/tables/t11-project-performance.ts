import type { Project } from "@/lib/budget/model";
import type { TableContext } from "./context";
import { formatFen } from "@/lib/budget/compute/fen";
import { indicatorRows } from "./common";
import { fillYear } from "./template";
import type { T11ProjectPerformance } from "./types";

/**
 * The order the 项目支出绩效目标表 are printed in: the budget's order, except that the projects
 * of a 一级项目 follow their 一级项目 (grouped), as the published documents list them.
 */
export function projectPrintOrder(projects: readonly Project[]): number[] {
  const programs = new Set(projects.filter((p) => p.tier === "program").map((p) => p.code));
  const grouped = (p: Project) => p.program !== undefined && p.program !== p.code && programs.has(p.program);
  const order: number[] = [];
  projects.forEach((p, i) => {
    if (grouped(p)) return;
    order.push(i);
    if (p.tier !== "program") return;
    projects.forEach((child, j) => {
      if (grouped(child) && child.program === p.code) order.push(j);
    });
  });
  return order;
}

/** 表十一 项目支出绩效目标表: one per project marked `disclose`, 一级项目 with their projects. */
export function buildT11(ctx: TableContext): T11ProjectPerformance[] {
  const { budget, shown } = ctx;
  const subUnits = new Map(budget.unit.subUnits.map((s) => [s.code, s.name]));
  const byCode = new Map(budget.projects.map((p) => [p.code, p]));
  const out: T11ProjectPerformance[] = [];
  for (const i of projectPrintOrder(budget.projects)) {
    const p = budget.projects[i]!;
    if (!p.disclose) continue;
    const printed = shown.projects[i]!;
    const isProgram = p.tier === "program";
    const parent = p.program !== undefined && p.program !== p.code ? byCode.get(p.program) : undefined;
    out.push({
      title: fillYear(isProgram ? ctx.template.programTableTitle : ctx.template.projectTableTitle, budget.year),
      ...(isProgram ? { tier: "program" as const } : {}),
      ...(parent?.tier === "program" ? { program: { code: parent.code, name: parent.name } } : {}),
      project: {
        code: p.code,
        name: p.name,
        // A 一级项目 is compiled by the department itself (编制单位 = the department).
        subUnit: isProgram ? { code: budget.unit.code, name: budget.unit.name } : { code: p.subUnit, name: subUnits.get(p.subUnit) ?? "" },
        department: budget.unit.name,
        executionRateWeight: p.executionRateWeight ?? "",
        category: p.category ?? "",
        amount: formatFen(printed.amount),
        ownArrangement: formatFen(printed.ownArrangement),
        superiorSubsidy: formatFen(printed.superiorSubsidy),
        summary: p.summary ?? "",
        basis: p.basis ?? "",
        goal: p.goal ?? "",
      },
      indicators: indicatorRows(p.indicators),
    });
  }
  return out;
}
