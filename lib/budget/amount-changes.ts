import { budgetAmounts, type BudgetAmount } from "./amounts";
import type { Budget } from "./model";
import type { PackageKey } from "./parts";

export interface AmountChange {
  /** Stable identity of the amount: lines by their subjects, projects by code ("basic/2010301/30101/generalBudget"). */
  key: string;
  /** Chinese description of what changed. */
  label: string;
  /** 元 with two decimals; null when the line did not exist (added) or no longer exists (removed). */
  oldValue: string | null;
  newValue: string | null;
}

/**
 * Every amount that differs between two versions of a budget, old and new value in 元, for the
 * trail. Amounts are matched by what they are (subjects, project code), not by row position, so
 * inserting a line does not show every later line as changed. `parts`: only the amounts of these
 * parts (a section save diffs its own section, whatever else the two budgets hold).
 */
export function amountChanges(before: Budget | null, after: Budget, parts?: readonly PackageKey[]): AmountChange[] {
  const only = (m: Map<string, BudgetAmount>) => (parts ? new Map([...m].filter(([, v]) => parts.includes(v.part))) : m);
  const a = before ? only(budgetAmounts(before)) : new Map<string, BudgetAmount>();
  const b = only(budgetAmounts(after));
  const changes: AmountChange[] = [];
  for (const [key, now] of b) {
    const was = a.get(key);
    if (!was) {
      if (!now.amount.isZero()) changes.push({ key, label: now.label, oldValue: null, newValue: now.amount.toFixed(2) });
    } else if (!was.amount.equals(now.amount)) {
      changes.push({ key, label: now.label, oldValue: was.amount.toFixed(2), newValue: now.amount.toFixed(2) });
    }
  }
  for (const [key, was] of a) {
    if (!b.has(key) && !was.amount.isZero()) changes.push({ key, label: was.label, oldValue: was.amount.toFixed(2), newValue: null });
  }
  // Code-unit order (keys are ASCII), as PostgreSQL's "C" collation sorts them: the basic save's
  // diff in SQL (lib/db/budgets/commit-content.ts) writes the same list.
  return changes.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}
