import type { Budget, PriorYear } from "@/lib/budget/model";
import type { Catalog } from "@/lib/catalog/catalog";
import type { ShownAmounts } from "@/lib/budget/compute/shown-amounts";
import type { DisclosureTables } from "@/lib/budget/tables/types";
import type { NarrativeFigures } from "@/lib/budget/narrative";

export type Severity = "error" | "warning";

export interface Finding {
  rule: string;
  severity: Severity;
  /** Chinese, names the item and the figures involved. */
  message: string;
  /** The offending item: `basicExpenditure[3].amount`, `projects[1].indicators`, `T2.rows[4]`. */
  path: string;
}

/** Everything a rule may read. Tables and narrative figures are those of this budget, or a frozen snapshot. */
export interface RuleContext {
  budget: Budget;
  catalog: Catalog;
  prior?: PriorYear;
  shown: ShownAmounts;
  tables: Required<DisclosureTables>;
  narrative: NarrativeFigures;
}

/** A named rule over a document's context (a budget's by default; a 决算's in lib/final). */
export interface Rule<C = RuleContext> {
  id: string;
  severity: Severity;
  title: string;
  check(ctx: C): Finding[];
}

/** Declares a rule; its findings get the rule's id and severity. */
export function defineRule<C = RuleContext>(spec: {
  id: string;
  severity: Severity;
  title: string;
  check(ctx: C, report: (path: string, message: string) => void): void;
}): Rule<C> {
  return {
    id: spec.id,
    severity: spec.severity,
    title: spec.title,
    check(ctx) {
      const out: Finding[] = [];
      spec.check(ctx, (path, message) => out.push({ rule: spec.id, severity: spec.severity, message, path }));
      return out;
    },
  };
}
