import type { SessionUser } from "@/lib/auth/permissions";
import { discloseBudget } from "@/lib/budget/disclose";
import type { Db } from "../client";
import { budgetScope } from "../scope";
import { eventChanges } from "../budgets/event-changes";
import { loadForEngine, loadManyForEngine } from "../budgets/load-for-engine";

/** One budget as its workspace page shows it, or null when the user may not read it. */
export async function budgetOverview(db: Db, user: SessionUser, id: number) {
  const scope = budgetScope(user, "budget.read");
  const row = await db.budget.findFirst({
    where: { AND: [scope, { id }] },
    include: {
      department: { include: { region: true } },
      events: {
        orderBy: { at: "asc" },
        include: { actor: { select: { displayName: true } } },
      },
    },
  });
  if (!row) return null;
  // Whether this user may publish it (the department after the 批复): the scope decides, as it does on the server.
  const publishable = row.status === "APPROVED" && (await db.budget.count({ where: { AND: [budgetScope(user, "budget.publish"), { id }] } })) === 1;
  const input = await loadForEngine(db, id, scope);
  if (!input) return null;
  const { tables, summary } = discloseBudget(input);
  // A department's units (单位预算) the user may read, each with its own 支出合计 (the 单位 tables').
  const unitRows =
    row.subUnitId === null
      ? await db.budget.findMany({
          where: { AND: [scope, { departmentId: row.departmentId, year: row.year, kind: row.kind, subUnitId: { not: null } }] },
          select: { id: true, status: true, version: true, unitName: true, unit: { select: { code: true } } },
          orderBy: { unit: { code: "asc" } },
        })
      : [];
  const unitTotals = new Map(
    (
      await loadManyForEngine(
        db,
        unitRows.map((u) => u.id),
        scope,
      )
    ).map((e) => [e.id, discloseBudget(e).summary.total]),
  );
  return {
    id: row.id,
    year: row.year,
    status: row.status,
    version: row.version,
    unitName: row.unitName,
    isUnit: row.subUnitId !== null,
    kind: row.kind,
    replyIssuedAt: row.replyIssuedAt,
    publishable,
    units: unitRows.map((u) => ({
      id: u.id,
      code: u.unit!.code,
      name: u.unitName,
      status: u.status,
      version: u.version,
      total: unitTotals.get(u.id) ?? "0.00",
    })),
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
      changes: eventChanges(e.changes),
    })),
  };
}
