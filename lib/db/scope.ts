import { Prisma } from "@/generated/prisma/client";
import { ROLE_PERMISSIONS, type Permission, type SessionUser } from "@/lib/auth/permissions";

/**
 * The budgets a user may act on with `permission`, as a where-clause to put inside the query, so
 * that a budget outside the scope is simply not found. Accountants see their department's
 * budgets; reviewers see their region's budgets once submitted (drafts stay with the
 * department); admins see all.
 */
export function budgetScope(user: SessionUser, permission: Permission): Prisma.BudgetWhereInput {
  const clauses: Prisma.BudgetWhereInput[] = [];
  for (const m of user.memberships) {
    if (!ROLE_PERMISSIONS[m.role].includes(permission)) continue;
    if (m.role === "ADMIN") return {};
    if (m.role === "ACCOUNTANT" && m.departmentId !== null) clauses.push({ departmentId: m.departmentId });
    if (m.role === "REVIEWER" && m.regionId !== null) clauses.push({ department: { regionId: m.regionId }, status: { not: "DRAFT" } });
  }
  return clauses.length > 0 ? { OR: clauses } : { id: { in: [] } };
}

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
