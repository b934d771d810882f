import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { membershipScope, type SessionUser } from "@/lib/auth/permissions";
import { budgetScope } from "@/lib/db/scope";
import { seedDemo } from "@/lib/db/seed-demo";
import { DEMO_PASSWORD } from "@/lib/db/demo";
import { freshDatabase, type TestDatabase } from "../helpers/database";

let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase();
  await seedDemo(t.db, () => undefined);
  process.env.DATABASE_URL = t.url;
});
afterAll(async () => t.drop());

async function sessionUser(username: string): Promise<SessionUser> {
  const u = await t.db.user.findUniqueOrThrow({ where: { username }, include: { memberships: true } });
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    memberships: u.memberships.map(membershipScope),
  };
}

async function visibleUnits(username: string, permission: Parameters<typeof budgetScope>[1] = "budget.read") {
  const rows = await t.db.budget.findMany({
    where: budgetScope(await sessionUser(username), permission),
    include: { department: true },
  });
  return rows.map((r) => `${r.department.code}${r.kind === "final" ? " 决算" : ""}`).sort();
}

describe("budget scope inside the query", () => {
  it("loads the demo budgets at their demo statuses, the published one with its snapshot", async () => {
    const rows = await t.db.budget.findMany({ include: { department: true, snapshots: true }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.department.code, r.year, r.kind, r.status])).toEqual([
      ["104", 2024, "budget", "PUBLISHED"],
      ["111", 2024, "budget", "SUBMITTED"],
      ["134", 2023, "budget", "DRAFT"],
      ["104", 2020, "final", "PUBLISHED"],
      ["134", 2023, "final", "DRAFT"],
    ]);
    expect(rows[0]!.snapshots).toHaveLength(1);
    expect(rows[0]!.snapshots[0]!.narrative).toContain("2,514.61");
  });

  it("an accountant reads only their own department's budgets", async () => {
    expect(await visibleUnits("accountant.104")).toEqual(["104", "104 决算"]);
    expect(await visibleUnits("accountant.134")).toEqual(["134", "134 决算"]);
  });

  it("a unit accountant reads nothing of its department's budget; the department accountant changes only its own part", async () => {
    // The demo's units of 104 have no budgets of their own yet: 104's budgets are the department's.
    for (const unit of ["accountant.104.1", "accountant.104.2"]) {
      for (const permission of ["budget.read", "budget.edit", "budget.submit", "budget.export", "budget.comment", "unit.review", "budget.publish"] as const)
        expect(await visibleUnits(unit, permission), `${unit} ${permission}`).toEqual([]);
    }
    expect(await visibleUnits("accountant.104", "budget.edit")).toEqual(["104", "104 决算"]);
    expect(await visibleUnits("accountant.104", "unit.review")).toEqual([]);
    const unit = await t.db.user.findUniqueOrThrow({ where: { username: "accountant.104.2" }, include: { memberships: { include: { subUnit: true } } } });
    expect(unit.memberships.map((m) => [m.role, m.subUnit?.code, m.subUnit?.name])).toEqual([["ACCOUNTANT", "104002", "重庆市北碚区信息中心"]]);
  });

  it("a reviewer reads the district's budgets once submitted, never a draft", async () => {
    expect(await visibleUnits("reviewer.500109")).toEqual(["104", "104 决算", "111"]);
  });

  it("an admin reads everything; a permission the role lacks gives nothing", async () => {
    expect(await visibleUnits("admin")).toEqual(["104", "104 决算", "111", "134", "134 决算"]);
    // An accountant publishes only its department's own budget once the 批复 is issued: the demo's
    // 104 2024 was published without one (test/workflow/department-publish.test.ts walks it).
    expect(await visibleUnits("accountant.104", "budget.publish")).toEqual([]);
    expect(await visibleUnits("accountant.104", "budget.review")).toEqual([]);
    expect(await visibleUnits("reviewer.500109", "budget.edit")).toEqual([]);
  });

  it("running the demo seed again changes nothing a user entered", async () => {
    await t.db.basicLine.updateMany({ where: { budget: { department: { code: "134" } } }, data: { amount: "1.00" } });
    const before = await t.db.basicLine.findMany({ orderBy: { id: "asc" } });
    await seedDemo(t.db, () => undefined);
    expect(await t.db.basicLine.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    expect(await t.db.budget.count()).toBe(5);
    expect(await t.db.user.count()).toBe(7);
  });

  it("checks passwords with argon2id and refuses wrong ones", async () => {
    const { verifyCredentials } = await import("@/lib/auth/verify-credentials");
    const user = await t.db.user.findUniqueOrThrow({ where: { username: "admin" } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const ok = await verifyCredentials("admin", DEMO_PASSWORD, "test");
    expect(ok.ok && ok.user.username).toBe("admin");
    expect(await verifyCredentials("admin", "wrong", "test")).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyCredentials("nobody", DEMO_PASSWORD, "test")).toEqual({ ok: false, reason: "invalid" });
  });
});
