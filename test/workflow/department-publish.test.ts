import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/permissions";
import type { DisclosureSummary } from "@/lib/budget/disclose";
import type { DisclosureTables } from "@/lib/budget/tables/types";
import { loadForEngine } from "@/lib/db/budgets/load-for-engine";
import { findPublishedBudget, findPublishedUnit } from "@/lib/db/queries/public-snapshots";
import { budgetScope, budgetScopeSql } from "@/lib/db/scope";
import { seedDemo } from "@/lib/db/seed-demo";
import { Prisma } from "@/generated/prisma/client";
import { approveBudget } from "@/lib/workflow/approve-budget";
import { createBudget } from "@/lib/workflow/create-budget";
import { issueReply } from "@/lib/workflow/issue-reply";
import { PUBLISH_REFUSALS, publishBudget } from "@/lib/workflow/publish-budget";
import { reviewUnitBudget } from "@/lib/workflow/review-unit-budget";
import { saveSection } from "@/lib/workflow/save-section";
import { submitBudget } from "@/lib/workflow/submit-budget";
import { SECTIONS } from "@/lib/workspace/sections";
import { workingPackage } from "@/lib/workspace/serialize";
import { freshDatabase, type TestDatabase } from "../helpers/database";
import { budgetIdOf, sessionUser } from "../helpers/users";

/**
 * 二下 (issue 18): the bureau issues the 批复, the department publishes. A department accountant
 * publishes its own department's budget once it is approved and its 批复 issued — never before,
 * never a unit's budget, never another department's — and the publication freezes each unit's
 * own tables with the department's, which are their sum to the fen.
 */
let t: TestDatabase;
let department: SessionUser, unit1: SessionUser, unit2: SessionUser, reviewer: SessionUser, other: SessionUser, admin: SessionUser;
let departmentBudget: number, unit1Budget: number, unit2Budget: number;
const YEAR = 2025;
const version = async (id: number) => (await t.db.budget.findUniqueOrThrow({ where: { id } })).version;
const step = async (id: number) => ({ budgetId: id, expectedVersion: await version(id) });

async function fill(user: SessionUser, budgetId: number, lines: { function: string; economic: string; amount: string }[]) {
  const input = (await loadForEngine(t.db, budgetId, budgetScope(user, "budget.read"), { ownPartOnly: true }))!;
  const pkg = workingPackage(input.budget, input.prior);
  const basic = SECTIONS.basic.pick(pkg);
  basic.basicExpenditure = lines.map((l) => ({ ...l, fund: "generalBudget" }));
  expect((await saveSection(t.db, user, { ...(await step(budgetId)), section: "basic", values: basic })).ok).toBe(true);
  const income = SECTIONS.income.pick(pkg);
  income.generalBudget = lines.reduce((s, l) => s.plus(l.amount), new Decimal(0)).toFixed(2);
  expect((await saveSection(t.db, user, { ...(await step(budgetId)), section: "income", values: income })).ok).toBe(true);
}

beforeAll(async () => {
  t = await freshDatabase();
  await seedDemo(t.db, () => undefined);
  [department, unit1, unit2, reviewer, other, admin] = (await Promise.all(
    ["accountant.104", "accountant.104.1", "accountant.104.2", "reviewer.500109", "accountant.111", "admin"].map((u) => sessionUser(t.db, u)),
  )) as SessionUser[] as [SessionUser, SessionUser, SessionUser, SessionUser, SessionUser, SessionUser];
  const departmentId = department.memberships[0]!.departmentId!;
  const created = await Promise.all([department, unit1, unit2].map((u) => createBudget(t.db, u, { departmentId, year: YEAR })));
  [departmentBudget, unit1Budget, unit2Budget] = created.map((c) => (c.ok ? c.budgetId : Number.NaN)) as [number, number, number];
  await fill(unit1, unit1Budget, [{ function: "2010301", economic: "30101", amount: "123456.78" }]);
  await fill(unit2, unit2Budget, [
    { function: "2010301", economic: "30201", amount: "5000.01" },
    { function: "2010302", economic: "30201", amount: "1000.00" },
  ]);
  for (const [user, id] of [
    [unit1, unit1Budget],
    [unit2, unit2Budget],
  ] as const) {
    expect(await submitBudget(t.db, user, await step(id))).toMatchObject({ ok: true });
    expect(await reviewUnitBudget(t.db, department, "accept", await step(id))).toMatchObject({ ok: true, status: "APPROVED" });
  }
  const submitted = await submitBudget(t.db, department, await step(departmentBudget));
  expect(submitted, JSON.stringify(submitted)).toMatchObject({ ok: true, status: "SUBMITTED" });
});
afterAll(async () => t.drop());

const publishAs = async (user: SessionUser, id: number) => publishBudget(t.db, user, await step(id));

describe("the department publishes after the 批复", () => {
  it("refuses the department's accountant while the budget is under review, naming why", async () => {
    expect(await publishAs(department, departmentBudget)).toMatchObject({ ok: false, message: "已报送的预算不能公开（只有审核通过的预算可以）" });
  });

  it("refuses the department's accountant after approval until the bureau has issued the 批复", async () => {
    expect(await approveBudget(t.db, reviewer, await step(departmentBudget))).toMatchObject({ ok: true, status: "APPROVED" });
    expect(await publishAs(department, departmentBudget)).toMatchObject({ ok: false, code: "illegal_transition", message: PUBLISH_REFUSALS.replyPending });
    expect((await t.db.budget.findUniqueOrThrow({ where: { id: departmentBudget } })).status).toBe("APPROVED");
  });

  it("never lets a unit's budget be published on its own, by its unit or its department", async () => {
    for (const user of [unit1, department])
      expect(await publishAs(user, unit1Budget), user.username).toMatchObject({ ok: false, message: PUBLISH_REFUSALS.unitBudget });
    // The reviewer does not see a unit's budget at all.
    expect(await publishAs(reviewer, unit1Budget)).toMatchObject({ ok: false, code: "not_found" });
  });

  it("refuses, as not found, a unit accountant and another department's accountant on the department's budget; the admin has no such right", async () => {
    expect(await issueReply(t.db, reviewer, await step(departmentBudget))).toMatchObject({ ok: true });
    for (const user of [unit1, unit2, other])
      expect(await publishAs(user, departmentBudget), user.username).toMatchObject({ ok: false, code: "not_found", message: "预算不存在或您无权访问" });
    expect(await publishAs(admin, departmentBudget)).toMatchObject({ ok: false, code: "forbidden" });
    expect((await t.db.budget.findUniqueOrThrow({ where: { id: departmentBudget } })).status).toBe("APPROVED");
  });

  it("scopes 公开 inside the query, in Prisma's where and in its SQL translation alike", async () => {
    const ids = async (user: SessionUser) =>
      (await t.db.budget.findMany({ where: { AND: [budgetScope(user, "budget.publish"), { year: YEAR }] }, select: { id: true } })).map((r) => r.id);
    const sqlIds = async (user: SessionUser) =>
      (
        await t.db.$queryRaw<{ id: number }[]>(
          Prisma.sql`select b.id from "Budget" b where b.year = ${YEAR} and ${budgetScopeSql(budgetScope(user, "budget.publish"))} order by b.id`,
        )
      ).map((r) => r.id);
    expect(await ids(department)).toEqual([departmentBudget]);
    expect(await sqlIds(department)).toEqual([departmentBudget]);
    for (const user of [unit1, unit2, other]) {
      expect(await ids(user), user.username).toEqual([]);
      expect(await sqlIds(user), user.username).toEqual([]);
    }
    expect(await ids(reviewer)).toEqual([departmentBudget]);
  });

  it("publishes for the department's accountant once approved and replied, with each unit's tables summing to the department's", async () => {
    const published = await publishAs(department, departmentBudget);
    expect(published, JSON.stringify(published)).toMatchObject({ ok: true, status: "PUBLISHED" });
    const event = await t.db.budgetEvent.findFirstOrThrow({ where: { budgetId: departmentBudget, action: "publish" } });
    expect(event.actorId).toBe(department.id);

    const key = { region: "500109", year: YEAR, unit: "104" };
    const budget = (await findPublishedBudget(t.db, key))!;
    expect(budget.units.map((u) => [u.code, u.name])).toEqual([
      ["104001", "重庆市北碚区人民政府办公室（本级）"],
      ["104002", "重庆市北碚区信息中心"],
    ]);
    const summary = budget.summary as DisclosureSummary;
    const sum = (k: "total" | "basic" | "project" | "threePublic") => budget.units.reduce((s, u) => s.plus(u.summary[k]), new Decimal(0)).toFixed(2);
    for (const k of ["total", "basic", "project", "threePublic"] as const) expect(sum(k), k).toBe(new Decimal(summary[k]).toFixed(2));
    // 12.35 + 0.60 万元: each unit's figure as printed, and their sum the department's.
    expect(summary.total).toBe("12.95");

    const [u1, u2] = await Promise.all(["104001", "104002"].map((code) => findPublishedUnit(t.db, budget, code)));
    expect(u1!.summary.total).toBe("12.35");
    expect(u2!.summary.total).toBe("0.60");
    // Row by row: T8's 功能分类 rows of the department are the sum of the units'.
    const tables = budget.tables as DisclosureTables;
    for (const row of tables.T8!.rows) {
      const of = (u: typeof u1) => new Decimal(u!.tables.T8!.rows.find((r) => r.code === row.code)?.total ?? "0");
      expect(of(u1).plus(of(u2)).toFixed(2), row.code).toBe(new Decimal(row.total).toFixed(2));
    }
    expect(await findPublishedUnit(t.db, budget, "104999")).toBeNull();
    // Frozen like the snapshot.
    await expect(t.db.publishedUnit.updateMany({ where: { snapshotId: budget.snapshotId }, data: { name: "改名" } })).rejects.toThrow(/不可修改/);
  });

  it("keeps the reviewer's 公开 of a budget approved without a 批复, with no unit tables for a department without units", async () => {
    const id = await budgetIdOf(t.db, "111", 2024);
    expect(await approveBudget(t.db, reviewer, await step(id))).toMatchObject({ ok: true, status: "APPROVED" });
    expect(await publishAs(other, id)).toMatchObject({ ok: false, message: PUBLISH_REFUSALS.replyPending });
    expect(await publishAs(reviewer, id)).toMatchObject({ ok: true, status: "PUBLISHED" });
    expect((await findPublishedBudget(t.db, { region: "500109", year: 2024, unit: "111" }))!.units).toEqual([]);
  });
});
