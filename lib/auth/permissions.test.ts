import { describe, expect, it } from "vitest";
import { hasPermission, PERMISSIONS, ROLE_PERMISSIONS, ROLES } from "./permissions";

const as = (role: (typeof ROLES)[number]) => ({ memberships: [{ role, departmentId: 1, regionId: null }] });

describe("the role → permission table", () => {
  it("names only known permissions", () => {
    for (const role of ROLES) for (const p of ROLE_PERMISSIONS[role]) expect(PERMISSIONS).toContain(p);
  });
  it("lets accountants edit, submit and publish (their department's own budget after its 批复, lib/db/scope.ts) but never review", () => {
    expect(hasPermission(as("ACCOUNTANT"), "budget.edit")).toBe(true);
    expect(hasPermission(as("ACCOUNTANT"), "budget.submit")).toBe(true);
    expect(hasPermission(as("ACCOUNTANT"), "budget.publish")).toBe(true);
    for (const p of ["budget.review", "budget.return", "budget.approve", "admin.users"] as const) expect(hasPermission(as("ACCOUNTANT"), p)).toBe(false);
  });
  it("lets reviewers approve and publish but never edit a department's figures", () => {
    expect(hasPermission(as("REVIEWER"), "budget.publish")).toBe(true);
    expect(hasPermission(as("REVIEWER"), "budget.edit")).toBe(false);
  });
  it("gives a signed-out visitor (no user) nothing", () => {
    for (const p of PERMISSIONS) expect(hasPermission(null, p)).toBe(false);
  });
});
