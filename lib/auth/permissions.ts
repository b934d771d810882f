/**
 * The one role → permission table. Every page, server action and route handler asks
 * `hasPermission` (through lib/auth/session.ts); the department/region scope is applied inside
 * the database query (lib/db/scope.ts), so a record outside it reads as not found.
 */
export const ROLES = ["ADMIN", "REVIEWER", "ACCOUNTANT"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  "budget.read",
  "budget.edit",
  "budget.submit",
  "budget.import",
  "budget.export",
  "budget.review",
  "budget.return",
  "budget.approve",
  "budget.publish",
  "budget.comment",
  "unit.review",
  "admin.users",
  "admin.units",
  "admin.catalog",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  // "unit.review" (部门审核 of the units' budgets) reaches only a department accountant's scope:
  // a unit accountant's is empty (lib/db/scope.ts). So does "budget.publish", and only the
  // department's own budget once the bureau has issued its 批复 (二下: the department publishes).
  ACCOUNTANT: ["budget.read", "budget.edit", "budget.submit", "budget.import", "budget.export", "budget.comment", "unit.review", "budget.publish"],
  REVIEWER: ["budget.read", "budget.export", "budget.review", "budget.return", "budget.approve", "budget.publish", "budget.comment"],
  ADMIN: ["budget.read", "budget.export", "budget.import", "admin.users", "admin.units", "admin.catalog"],
};

export interface MembershipScope {
  role: Role;
  departmentId: number | null;
  regionId: number | null;
  /** Set for a unit accountant (单位会计): the one unit of the department it prepares. */
  subUnitId?: number | null;
  /** A reviewer's review stage in a region with stages (lib/workflow/review-stages.ts). */
  reviewStageId?: number | null;
}

/** A membership row as the session carries it: its role and every scope it is limited to. */
export function membershipScope(m: MembershipScope): MembershipScope {
  return { role: m.role, departmentId: m.departmentId, regionId: m.regionId, subUnitId: m.subUnitId ?? null, reviewStageId: m.reviewStageId ?? null };
}

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  memberships: MembershipScope[];
}

/** A user row with its memberships as the session (and a job run for them) sees it. */
export function toSessionUser(user: { id: number; username: string; displayName: string; memberships: MembershipScope[] }): SessionUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    memberships: user.memberships.map(membershipScope),
  };
}

export function hasPermission(user: Pick<SessionUser, "memberships"> | null | undefined, permission: Permission): boolean {
  return !!user?.memberships.some((m) => ROLE_PERMISSIONS[m.role].includes(permission));
}

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "系统管理员",
  REVIEWER: "财政局审核员",
  ACCOUNTANT: "部门会计",
};
