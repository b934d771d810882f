import Decimal from "decimal.js";
import type { BudgetPackage } from "@/lib/budget/package/schema";

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
  const basic = (p: BudgetPackage) =>
    (p.basicExpenditure ?? []).map((l) => ({ key: `${l.function}|${l.economic}|${l.fund ?? "generalBudget"}`, value: amount(l.amount) }));
  const projects = (p: BudgetPackage) => (p.projects ?? []).map((x) => ({ key: x.code, value: JSON.stringify({ ...x, amount: amount(x.amount) }) }));
  const procurement = (p: BudgetPackage) =>
    (p.procurement ?? []).map((l) => ({ key: `${l.category}|${l.fund ?? "generalBudget"}`, value: amount(l.amount) }));
  const fields = (section: string, get: (p: BudgetPackage) => unknown) => {
    const same = JSON.stringify(get(before) ?? null) === JSON.stringify(get(after) ?? null);
    return { section, added: 0, removed: 0, changed: same ? 0 : 1 };
  };
  return [
    fields("单位基本情况", (p) => p.unit),
    fields("收入预算", (p) => p.income),
    diffLists("基本支出", basic(before), basic(after)),
    diffLists("项目支出", projects(before), projects(after)),
    fields("“三公”经费", (p) => p.threePublic),
    diffLists("政府采购", procurement(before), procurement(after)),
    fields("国有资产", (p) => p.assets),
    fields("整体绩效目标", (p) => p.performance),
    fields("情况说明", (p) => p.narrative),
  ];
}
