import type { SessionUser } from "@/lib/auth/permissions";
import { discloseBudget } from "@/lib/budget/disclose";
import type { Db } from "../client";
import { budgetScope } from "../scope";
import { loadForEngine } from "../budgets/load-for-engine";

/** One budget as its workspace page shows it, or null when the user may not read it. */
export async function budgetOverview(db: Db, user: SessionUser, id: number) {
  const scope = budgetScope(user, "budget.read");
  const row = await db.budget.findFirst({
    where: { AND: [scope, { id }] },
    include: {
      department: { include: { region: true } },
      events: {
        orderBy: { at: "asc" },
        include: { actor: { select: { displayName: true } }, changes: { orderBy: { key: "asc" } } },
      },
    },
  });
  if (!row) return null;
  const input = await loadForEngine(db, id, scope);
  if (!input) return null;
  const { tables, summary } = discloseBudget(input);
  return {
    id: row.id,
    year: row.year,
    status: row.status,
    version: row.version,
    unitName: row.unitName,
    department: { code: row.department.code, name: row.department.name },
    region: { code: row.department.region.code, name: row.department.region.name },
    totals: {
      income: tables.T6?.income.total ?? "0.00",
      expenditure: { total: summary.total, basic: summary.basic, project: summary.project },
      threePublic: summary.threePublic,
    },
    events: row.events.map((e) => ({
      id: e.id,
      at: e.at,
      actor: e.actor?.displayName ?? "系统",
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      comment: e.comment,
      changes: e.changes.map((c) => ({
        key: c.key,
        label: c.label,
        oldValue: c.oldValue?.toFixed(2) ?? null,
        newValue: c.newValue?.toFixed(2) ?? null,
      })),
    })),
  };
}
