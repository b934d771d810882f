import type { BudgetPackage } from "@/lib/budget/package/schema";

type Pkg = BudgetPackage;

function byKey<T>(base: T[] | undefined, incoming: T[] | undefined, key: (item: T) => string): T[] | undefined {
  if (!incoming) return base;
  const merged = new Map((base ?? []).map((item) => [key(item), item]));
  for (const item of incoming) merged.set(key(item), item);
  return [...merged.values()];
}

/**
 * Merge an imported package into a draft (both in the same unit): what the file has replaces
 * the draft's value, line by line (basic lines by 功能 × 经济 × fund, projects by code,
 * procurement by category × fund); what the file lacks stays as it was.
 */
export function mergePackages(base: Pkg, incoming: Pkg): Pkg {
  return {
    ...base,
    unit: {
      ...base.unit,
      ...Object.fromEntries(Object.entries(incoming.unit).filter(([k, v]) => v !== undefined && k !== "code")),
      code: base.unit.code,
    },
    income: incoming.income ? { ...base.income, ...incoming.income, carryover: { ...base.income?.carryover, ...incoming.income.carryover } } : base.income,
    basicExpenditure: byKey(base.basicExpenditure, incoming.basicExpenditure, (l) => `${l.function}|${l.economic}|${l.fund ?? "generalBudget"}`),
    projects: byKey(base.projects, incoming.projects, (p) => p.code),
    threePublic: incoming.threePublic ? { ...base.threePublic, ...incoming.threePublic } : base.threePublic,
    procurement: byKey(base.procurement, incoming.procurement, (l) => `${l.category}|${l.fund ?? "generalBudget"}`),
    assets: incoming.assets ?? base.assets,
    performance: incoming.performance
      ? { goal: incoming.performance.goal ?? base.performance?.goal, indicators: incoming.performance.indicators ?? base.performance?.indicators }
      : base.performance,
    narrative: incoming.narrative
      ? { ...base.narrative, ...incoming.narrative, threePublic: { ...base.narrative?.threePublic, ...incoming.narrative.threePublic } }
      : base.narrative,
    priorYear: incoming.priorYear ?? base.priorYear,
  };
}
