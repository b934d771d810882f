import type { Finding, Severity } from "@/lib/budget/rules/types";
import type { FinalContext } from "@/lib/final/tables/context";
import type { FinalTables } from "@/lib/final/tables/types";
import type { FinalNarrativeFigures } from "@/lib/final/narrative";

export type { Finding, Severity } from "@/lib/budget/rules/types";

/** Everything a 决算 rule may read: the accounts, their printed atoms, the tables and narrative figures shown. */
export interface FinalRuleContext extends FinalContext {
  tables: FinalTables;
  narrative: FinalNarrativeFigures;
}

export interface FinalRule {
  id: string;
  severity: Severity;
  title: string;
  check(ctx: FinalRuleContext): Finding[];
}

/** Declares a 决算 rule; its findings get the rule's id and severity (as defineRule does for budgets). */
export function defineFinalRule(spec: {
  id: string;
  severity: Severity;
  title: string;
  check(ctx: FinalRuleContext, report: (path: string, message: string) => void): void;
}): FinalRule {
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
