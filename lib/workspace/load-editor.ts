import type { SessionUser } from "@/lib/auth/permissions";
import { hasPermission } from "@/lib/auth/permissions";
import { catalogToData, workingPackage, type CatalogData } from "@/lib/workspace/serialize";
import type { BudgetPackage } from "@/lib/budget/package/schema";
import type { Db } from "@/lib/db/client";
import { budgetScope } from "@/lib/db/scope";
import { loadForEngine } from "@/lib/db/budgets/load-for-engine";
import { EDITABLE_STATUSES } from "@/lib/db/budgets/commit-content";
import { issuedCeilings } from "@/lib/db/queries/ceilings";
import { ceilingBasis, ceilingUseOfBasis, type Ceiling } from "@/lib/budget/ceilings";

export interface EditorData {
  id: number;
  year: number;
  status: "DRAFT" | "SUBMITTED" | "RETURNED" | "APPROVED" | "PUBLISHED";
  version: number;
  unitName: string;
  /** A unit's budget (单位预算), reported to its department rather than to the bureau. */
  unitBudget: boolean;
  editable: boolean;
  pkg: BudgetPackage;
  catalog: CatalogData;
  /** The department's issued 控制数 for the year, 元 strings (none before 控制数下达). */
  ceilings: CeilingData[];
  /** Whether 报送 of this budget is held to them (a department's budget; a unit's hands in to its department). */
  ceilingsBind: boolean;
}

export interface CeilingData {
  fund: Ceiling["fund"];
  kind: Ceiling["kind"];
  projectCode: string;
  amount: string;
  /** 元 the department's units spend against it (the editor shows the department's own part). */
  usedByUnits: string;
}

/** What the workspace editor of one budget needs, or null when the user may not read it. */
export async function loadEditor(db: Db, user: SessionUser, id: number): Promise<EditorData | null> {
  // The editor shows and saves the budget's own rows; a department's consolidation of its units
  // is what its preview and submission read.
  const input = await loadForEngine(db, id, budgetScope(user, "budget.read"), { ownPartOnly: true });
  if (!input) return null;
  const canEdit = hasPermission(user, "budget.edit") && (await db.budget.count({ where: { AND: [budgetScope(user, "budget.edit"), { id }] } })) === 1;
  const unitBudget = (await db.budget.count({ where: { id, subUnitId: { not: null } } })) === 1;
  const status = input.status as EditorData["status"];
  const row = await db.budget.findUniqueOrThrow({ where: { id }, select: { departmentId: true, year: true, kind: true } });
  const ceilings = row.kind === "budget" ? await issuedCeilings(db, row.departmentId, row.year) : [];
  // 报送 holds the consolidation to the ceilings: the units' share is what it adds to the own part.
  const units =
    !unitBudget &&
    ceilings.length > 0 &&
    (await db.budget.count({ where: { departmentId: row.departmentId, year: row.year, kind: "budget", subUnitId: { not: null } } })) > 0;
  const whole = units ? await loadForEngine(db, id, budgetScope(user, "budget.read")) : null;
  const usedByUnits = (c: Ceiling) =>
    whole
      ? ceilingUseOfBasis(ceilingBasis(whole.budget), [c])[0]!
          .used.minus(ceilingUseOfBasis(ceilingBasis(input.budget), [c])[0]!.used)
          .toFixed(2)
      : "0.00";
  return {
    ceilings: ceilings.map((c) => ({ fund: c.fund, kind: c.kind, projectCode: c.projectCode, amount: c.amount.toFixed(2), usedByUnits: usedByUnits(c) })),
    ceilingsBind: !unitBudget,
    id,
    year: input.budget.year,
    status,
    version: input.version,
    unitName: input.budget.unit.name,
    unitBudget,
    editable: canEdit && (EDITABLE_STATUSES as readonly string[]).includes(status),
    pkg: workingPackage(input.budget, input.prior),
    catalog: catalogToData(input.catalog),
  };
}
