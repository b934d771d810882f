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

/** What the public may read: published budgets only. */
export const publishedScope: Prisma.BudgetWhereInput = { status: "PUBLISHED" };
