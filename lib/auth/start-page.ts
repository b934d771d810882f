import { ROLE_PERMISSIONS, type MembershipScope } from "./permissions";

/**
 * The page a user starts from after signing in: the screen of the work their role does. Someone
 * holding several roles starts where budgets are written, then reviewed, then administered.
 */
export function startPage(memberships: readonly Pick<MembershipScope, "role">[]): string {
  const can = (p: (typeof ROLE_PERMISSIONS)["ADMIN"][number]) => memberships.some((m) => ROLE_PERMISSIONS[m.role].includes(p));
  if (can("budget.edit")) return "/workspace";
  if (can("budget.review")) return "/review";
  if (can("admin.users")) return "/admin";
  return "/";
}
