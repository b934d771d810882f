import Decimal from "decimal.js";
import { budgetAmounts } from "@/lib/budget/amounts";
import { packageToBudget } from "@/lib/budget/package/to-budget";
import type { BudgetPackage } from "@/lib/budget/package/schema";
import { partOfPath, type PackageKey } from "@/lib/budget/parts";

export interface SectionChange {
  section: string;
  added: number;
  removed: number;
  changed: number;
}

type Keyed = { key: string; value: string };

function diffLists(section: string, before: Keyed[], after: Keyed[]): SectionChange {
  const b = new Map(before.map((x) => [x.key, x.value]));
  const a = new Map(after.map((x) => [x.key, x.value]));
  let added = 0;
  let removed = 0;
  let changed = 0;
  for (const [k, v] of a) {
    if (!b.has(k)) added++;
    else if (b.get(k) !== v) changed++;
  }
  for (const k of b.keys()) if (!a.has(k)) removed++;
  return { section, added, removed, changed };
}

const amount = (s: string | undefined) => new Decimal(s ?? "0").toFixed(2);

/** What an import would change, section by section (packages in the same unit). */
export function describeChanges(before: BudgetPackage, after: BudgetPackage): SectionChange[] {
  // Lines are compared by the one amount walk's keys (the trail's and the reviewer's diff's).
  const walked = [before, after].map((p) => [...budgetAmounts(packageToBudget(p)).values()]);
  const lines = (key: PackageKey) => {
    const [b, a] = walked.map((all) => all!.filter((x) => x.part === key).map((x) => ({ key: x.key, value: x.amount.toFixed(2) })));
    return diffLists(label(key), b!, a!);
  };
  const projects = (p: BudgetPackage) => (p.projects ?? []).map((x) => ({ key: x.code, value: JSON.stringify({ ...x, amount: amount(x.amount) }) }));
  const fields = (key: PackageKey, get: (p: BudgetPackage) => unknown) => {
    const same = JSON.stringify(get(before) ?? null) === JSON.stringify(get(after) ?? null);
    return { section: label(key), added: 0, removed: 0, changed: same ? 0 : 1 };
  };
  return [
    fields("unit", (p) => p.unit),
    fields("income", (p) => p.income),
    lines("basicExpenditure"),
    diffLists(label("projects"), projects(before), projects(after)),
    fields("threePublic", (p) => p.threePublic),
    lines("procurement"),
    fields("assets", (p) => p.assets),
    fields("performance", (p) => p.performance),
    fields("narrative", (p) => p.narrative),
  ];
}

const label = (key: PackageKey) => partOfPath(key)!.label;
