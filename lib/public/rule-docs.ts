import { RULES } from "@/lib/budget/rules";
import { RULE_EXAMPLES, fieldLabel } from "@/lib/budget/rules/examples";
import type { Severity } from "@/lib/budget/rules/types";
import { FINAL_RULES } from "@/lib/final/rules";
import { FINAL_RULE_EXAMPLES, finalFieldLabel } from "@/lib/final/rules/examples";

export interface RuleDoc {
  id: string;
  /** 预算 rules check a 部门预算, 决算 rules a 部门决算. */
  scope: "预算" | "决算";
  severity: Severity;
  title: string;
  example: { path: string; field: string; message: string } | null;
}

/** Every rule with its example finding, budget rules first, each registry in its own order (/rules, `budget rules`). */
export function ruleDocs(): RuleDoc[] {
  const doc =
    (scope: RuleDoc["scope"], examples: Record<string, { path: string; message: string }>, field: (path: string) => string) =>
    (r: { id: string; severity: Severity; title: string }): RuleDoc => {
      const e = examples[r.id];
      return { id: r.id, scope, severity: r.severity, title: r.title, example: e ? { ...e, field: field(e.path) } : null };
    };
  return [...RULES.map(doc("预算", RULE_EXAMPLES, fieldLabel)), ...FINAL_RULES.map(doc("决算", FINAL_RULE_EXAMPLES, finalFieldLabel))];
}
