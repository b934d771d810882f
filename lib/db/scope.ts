import { Prisma } from "@/generated/prisma/client";
import { ROLE_PERMISSIONS, type Permission, type SessionUser } from "@/lib/auth/permissions";

/**
 * The budgets a user may act on with `permission`, as a where-clause to put inside the query, so
 * that a budget outside the scope is simply not found. A unit accountant (单位会计) acts on its
 * unit's budgets only; a department accountant reads all its department's budgets, its units'
 * included, changes only the department's own (subUnitId null), and accepts or returns its
 * units' (部门审核, "unit.review"), and publishes the department's own budget once the bureau
 * has issued its 批复 ("budget.publish": the bureau issues the 批复, the department publishes);
 * reviewers see their region's department budgets once submitted (drafts stay with the
 * department, a unit's budget goes to its department, not to the bureau); admins see all.
 */
export function budgetScope(user: SessionUser, permission: Permission): Prisma.BudgetWhereInput {
  const clauses: Prisma.BudgetWhereInput[] = [];
  for (const m of user.memberships) {
    if (!ROLE_PERMISSIONS[m.role].includes(permission)) continue;
    if (m.role === "ADMIN") return {};
    if (m.role === "ACCOUNTANT" && m.departmentId !== null) {
      const unit = m.subUnitId ?? null;
      if (unit !== null) {
        // A unit's budget is published with its department's (部门汇总), never on its own.
        if (permission !== "unit.review" && permission !== "budget.publish") clauses.push({ departmentId: m.departmentId, subUnitId: unit });
      } else if (permission === "unit.review") clauses.push({ departmentId: m.departmentId, subUnitId: { not: null } });
      else if (permission === "budget.publish") clauses.push({ departmentId: m.departmentId, subUnitId: null, kind: "budget", replyIssuedAt: { not: null } });
      else if (DEPARTMENT_OWN_PART.includes(permission)) clauses.push({ departmentId: m.departmentId, subUnitId: null });
      else clauses.push({ departmentId: m.departmentId });
    }
    if (m.role === "REVIEWER" && m.regionId !== null) clauses.push({ department: { regionId: m.regionId }, status: { not: "DRAFT" }, subUnitId: null });
  }
  return clauses.length > 0 ? { OR: clauses } : { id: { in: [] } };
}

/** What a department accountant does only to the department's own budget, never to a unit's. */
const DEPARTMENT_OWN_PART: readonly Permission[] = ["budget.edit", "budget.submit", "budget.import"];

/**
 * What the public may read: budgets with a current (not superseded) published snapshot. A
 * published budget reopened for 预算调整 is back to 编制中 but its last published version stays
 * public until the new one is published.
 */
export const publishedScope: Prisma.BudgetWhereInput = { snapshots: { some: { supersededAt: null } } };

/**
 * A scope of this module as SQL over the budget aliased `b`, for the reads written as one
 * statement ($queryRaw), so that authorization stays inside their where as it does in Prisma's.
 * Only the shapes budgetScope and publishedScope build (combined with AND/OR) are translated;
 * anything else throws rather than widening the scope.
 */
export function budgetScopeSql(scope: Prisma.BudgetWhereInput): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  for (const [key, value] of Object.entries(scope) as [string, unknown][]) {
    if (value === undefined) continue;
    parts.push(clauseSql(key, value));
  }
  return parts.length === 0 ? Prisma.sql`true` : Prisma.sql`(${Prisma.join(parts, " and ")})`;
}

function clauseSql(key: string, value: unknown): Prisma.Sql {
  const unsupported = () => new Error(`budgetScopeSql: unsupported scope ${key}: ${JSON.stringify(value)}`);
  switch (key) {
    case "AND":
    case "OR": {
      const list = (Array.isArray(value) ? value : [value]) as Prisma.BudgetWhereInput[];
      if (list.length === 0) return key === "AND" ? Prisma.sql`true` : Prisma.sql`false`;
      return Prisma.sql`(${Prisma.join(list.map(budgetScopeSql), key === "AND" ? " and " : " or ")})`;
    }
    case "id":
      if (typeof value === "number") return Prisma.sql`b.id = ${value}`;
      if (isIn(value)) return Prisma.sql`b.id = any(${value.in}::int[])`;
      throw unsupported();
    case "kind":
      if (value === "budget" || value === "final") return Prisma.sql`b.kind::text = ${value}`;
      throw unsupported();
    case "replyIssuedAt": {
      const o = value as { not?: unknown };
      if (typeof o === "object" && o !== null && o.not === null && Object.keys(o).length === 1) return Prisma.sql`b."replyIssuedAt" is not null`;
      throw unsupported();
    }
    case "departmentId":
      if (typeof value === "number") return Prisma.sql`b."departmentId" = ${value}`;
      throw unsupported();
    case "department": {
      const regionId = (value as { regionId?: unknown }).regionId;
      if (typeof regionId === "number" && Object.keys(value as object).length === 1)
        // Uncorrelated: PostgreSQL hashes the region's departments once per statement, so a
        // reviewer of forty districts costs forty hash probes per budget, not forty lookups.
        return Prisma.sql`b."departmentId" in (select sd.id from "Department" sd where sd."regionId" = ${regionId})`;
      throw unsupported();
    }
    case "subUnitId": {
      if (value === null) return Prisma.sql`b."subUnitId" is null`;
      if (typeof value === "number") return Prisma.sql`b."subUnitId" = ${value}`;
      const o = value as { not?: unknown };
      if (o.not === null && Object.keys(o).length === 1) return Prisma.sql`b."subUnitId" is not null`;
      throw unsupported();
    }
    case "status": {
      const not = (value as { not?: unknown }).not;
      if (typeof not === "string" && Object.keys(value as object).length === 1) return Prisma.sql`b.status::text <> ${not}`;
      throw unsupported();
    }
    case "snapshots": {
      const some = (value as { some?: { supersededAt?: unknown } }).some;
      if (some && some.supersededAt === null && Object.keys(some).length === 1 && Object.keys(value as object).length === 1)
        return Prisma.sql`exists (select 1 from "PublishedSnapshot" ss where ss."budgetId" = b.id and ss."supersededAt" is null)`;
      throw unsupported();
    }
    default:
      throw unsupported();
  }
}

function isIn(value: unknown): value is { in: number[] } {
  if (typeof value !== "object" || value === null || Object.keys(value).length !== 1) return false;
  const list = (value as { in?: unknown }).in;
  return Array.isArray(list) && list.every((n) => typeof n === "number");
}
