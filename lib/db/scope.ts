import type { Prisma } from "@/generated/prisma/client";
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
    if (m.role === "REVIEWER" && m.regionId !== null)
      clauses.push({ department: { regionId: m.regionId }, status: { not: "DRAFT" } });
  }
  return clauses.length > 0 ? { OR: clauses } : { id: { in: [] } };
}

/**
 * What the public may read: budgets with a current (not superseded) published snapshot. A
 * published budget reopened for 预算调整 is back to 编制中 but its last published version stays
 * public until the new one is published.
 */
export const publishedScope: Prisma.BudgetWhereInput = { snapshots: { some: { supersededAt: null } } };
