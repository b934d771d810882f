import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/permissions";
import { addMembership, removeMembership, resetPassword, setUserActive } from "@/lib/admin/users";
import { createSubUnit } from "@/lib/admin/units";
import { seedDemo } from "@/lib/db/seed-demo";
import { freshDatabase, type TestDatabase } from "../helpers/database";
import { sessionUser as demoUser } from "../helpers/users";

/**
 * Issue 14: sessions end when what the account may do changes; old bcrypt hashes are replaced by
 * argon2id on sign-in; a locked-out user is told how long to wait; admin refusals name the cause.
 */
let t: TestDatabase;
let admin: SessionUser;

beforeAll(async () => {
  t = await freshDatabase();
  process.env.DATABASE_URL = t.url;
  await seedDemo(t.db, () => undefined);
  admin = await demoUser(t.db, "admin");
});
afterAll(async () => t.drop());

async function tokenOf(username: string) {
  const u = await t.db.user.findUniqueOrThrow({ where: { username } });
  return { uid: u.id, sv: u.sessionVersion };
}

describe("a session ends when the account changes", () => {
  it("after a password reset, a deactivation (and reactivation), a role change and a sign-out", async () => {
    const { sessionUser } = await import("@/lib/auth/session");
    const { authOptions } = await import("@/lib/auth/options");
    const user = await t.db.user.findUniqueOrThrow({ where: { username: "accountant.111" }, include: { memberships: true } });
    const departmentId = user.memberships[0]!.departmentId!;
    const steps: [string, () => Promise<unknown>][] = [
      ["reset", () => resetPassword(t.db, admin, { userId: user.id, password: "a-new-password-1" })],
      ["deactivate", () => setUserActive(t.db, admin, { userId: user.id, active: false })],
      ["reactivate", () => setUserActive(t.db, admin, { userId: user.id, active: true })],
      ["add role", () => addMembership(t.db, admin, { userId: user.id, role: "ADMIN" })],
      [
        "remove role",
        async () => {
          const m = await t.db.membership.findFirstOrThrow({ where: { userId: user.id, role: "ADMIN" } });
          return removeMembership(t.db, admin, { membershipId: m.id });
        },
      ],
      ["sign out", async () => authOptions.events!.signOut!({ token: { uid: user.id }, session: undefined as never })],
    ];
    for (const [what, step] of steps) {
      const old = await tokenOf("accountant.111");
      // (An inactive account has no session before its reactivation either.)
      if (what !== "reactivate") expect(await sessionUser(t.db, old.uid, old.sv), `${what}: before`).not.toBeNull();
      await step();
      expect(await sessionUser(t.db, old.uid, old.sv), `${what}: old token after`).toBeNull();
      if (what !== "deactivate") {
        const fresh = await tokenOf("accountant.111");
        expect((await sessionUser(t.db, fresh.uid, fresh.sv))?.username, `${what}: new sign-in`).toBe("accountant.111");
      }
    }
    expect(departmentId).toBeGreaterThan(0);
    // A token without a version (issued before versions existed) is no session.
    expect(await sessionUser(t.db, user.id, undefined)).toBeNull();
  });
});

describe("passwords", () => {
  it("a bcrypt hash from before argon2id still signs in and is replaced by argon2id", async () => {
    const { verifyCredentials } = await import("@/lib/auth/verify-credentials");
    const legacy = await bcrypt.hash("old-bcrypt-password", 4);
    await t.db.user.update({ where: { username: "accountant.134" }, data: { passwordHash: legacy } });
    expect((await verifyCredentials("accountant.134", "wrong-password", "legacy-test")).ok).toBe(false);
    expect((await t.db.user.findUniqueOrThrow({ where: { username: "accountant.134" } })).passwordHash).toBe(legacy);
    expect((await verifyCredentials("accountant.134", "old-bcrypt-password", "legacy-test")).ok).toBe(true);
    const stored = (await t.db.user.findUniqueOrThrow({ where: { username: "accountant.134" } })).passwordHash;
    expect(stored).toMatch(/^\$argon2id\$/);
    expect((await verifyCredentials("accountant.134", "old-bcrypt-password", "legacy-test")).ok).toBe(true);
  });

  it("counts characters past bcrypt's 72 bytes: a 30-character Chinese password differs in its last character", async () => {
    const { hashPassword, verifyPassword } = await import("@/lib/auth/password");
    const a = "预".repeat(29) + "甲";
    const h = await hashPassword(a);
    expect(await verifyPassword(h, a)).toBe(true);
    expect(await verifyPassword(h, "预".repeat(29) + "乙")).toBe(false);
  });

  it("a locked-out account is told how long to wait, in minutes", async () => {
    const { verifyCredentials } = await import("@/lib/auth/verify-credentials");
    const { lockedOutMessage, SIGN_IN_ATTEMPTS_PER_WINDOW } = await import("@/lib/auth/rate-limit");
    for (let i = 0; i < SIGN_IN_ATTEMPTS_PER_WINDOW; i++) expect((await verifyCredentials("reviewer.500109", "wrong", `lock-${i}`)).ok).toBe(false);
    const locked = await verifyCredentials("reviewer.500109", "mingzhang-demo", "lock-x");
    expect(locked.ok).toBe(false);
    expect(!locked.ok && locked.reason).toBe("locked");
    if (!locked.ok && locked.reason === "locked") expect(lockedOutMessage(locked.retryAfterMs)).toBe("尝试次数过多，请 15 分钟后再试");
  });
});

describe("admin refusals name their cause", () => {
  it("a membership for a user or department that does not exist is not 'still referenced'", async () => {
    const dept = await t.db.department.findFirstOrThrow();
    expect(await addMembership(t.db, admin, { userId: 999_999, role: "ACCOUNTANT", departmentId: dept.id })).toMatchObject({
      ok: false,
      message: "用户、部门或区划不存在",
    });
    const user = await t.db.user.findUniqueOrThrow({ where: { username: "accountant.104" } });
    expect(await addMembership(t.db, admin, { userId: user.id, role: "ACCOUNTANT", departmentId: 999_999 })).toMatchObject({
      ok: false,
      message: "用户、部门或区划不存在",
    });
    expect(await addMembership(t.db, admin, { userId: user.id, role: "REVIEWER", regionId: 999_999 })).toMatchObject({
      ok: false,
      message: "用户、部门或区划不存在",
    });
  });

  it("a sub-unit code longer than the package allows is refused at creation", async () => {
    const dept = await t.db.department.findFirstOrThrow();
    expect(await createSubUnit(t.db, admin, { departmentId: dept.id, code: "1".repeat(30), name: "长编码单位" })).toMatchObject({
      ok: false,
      message: "单位编码应为 1–20 位数字",
    });
    expect(await t.db.subUnit.count({ where: { name: "长编码单位" } })).toBe(0);
  });
});
