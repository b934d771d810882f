import type Decimal from "decimal.js";
import { ceilingFindings, ceilingUse, type Ceiling, type CeilingUse } from "@/lib/budget/ceilings";
import type { Budget } from "@/lib/budget/model";
import type { Finding } from "@/lib/budget/rules/types";

/**
 * A 控制数 as the editor holds it: with what the department's units spend against it
 * (`usedByUnits`, 元), since the editor of a department with units shows only its own part while
 * 报送 holds the consolidation (部门汇总) to the ceiling.
 */
export interface EditorCeiling extends Ceiling {
  usedByUnits: Decimal;
}

/** The use of each 控制数 by what is on screen plus the units' share: what 报送 will count. */
export function editorCeilingUse(budget: Pick<Budget, "basicExpenditure" | "projects">, ceilings: readonly EditorCeiling[]): CeilingUse[] {
  return ceilingUse(budget, ceilings).map((u, i) => {
    const used = u.used.plus(ceilings[i]!.usedByUnits);
    const left = u.ceiling.amount.minus(used);
    return { ...u, used, left, exceeded: left.isNegative() };
  });
}

/**
 * The findings (rule ceiling.exceeded) 报送 would refuse this budget with, for the live checks
 * panel; none for a unit's budget, which hands in to its department rather than to the ceiling.
 */
export function ceilingChecks(budget: Pick<Budget, "basicExpenditure" | "projects">, ceilings: readonly EditorCeiling[], binds: boolean): Finding[] {
  return binds ? ceilingFindings(editorCeilingUse(budget, ceilings)) : [];
}
