import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/permissions";
import { seedDemo } from "@/lib/db/seed-demo";
import { addReviewStage, assignStageReviewer, loadRegionStages, moveReviewStage, removeReviewStage, renameReviewStage } from "@/lib/admin/review-stages";
import { createSubUnit } from "@/lib/admin/units";
import { addMembership, createUser } from "@/lib/admin/users";
import { approveBudget } from "@/lib/workflow/approve-budget";
import { freshDatabase, type TestDatabase } from "../helpers/database";
import { budgetIdOf } from "../helpers/users";
import { sessionUser } from "../workflow/users";

let t: TestDatabase;
let admin: SessionUser;
let regionId: number;
let budget111: number;

beforeAll(async () => {
  t = await freshDatabase();
  await seedDemo(t.db, () => undefined);
  admin = await sessionUser(t.db, "admin");
  regionId = (await t.db.region.findUniqueOrThrow({ where: { code: "500109" } })).id;
  budget111 = await budgetIdOf(t.db, "111", 2024);
  await t.db.user.create({
    data: { username: "budgetchief.500109", displayName: "分管局领导", passwordHash: "x", memberships: { create: { role: "REVIEWER", regionId } } },
  });
});
afterAll(async () => t.drop());

const stages = async () => (await loadRegionStages(t.db, "500109"))!.stages.map((s) => [s.position, s.name, s.waiting]);
const membershipOf = async (username: string) => t.db.membership.findFirstOrThrow({ where: { user: { username }, role: "REVIEWER" } });
const idOf = (result: { ok: boolean } & ({ id: number } | object)) => ("id" in result ? result.id : 0);

describe("review stages, administered one change at a time", () => {
  let first: number;
  let second: number;

  it("adds stages in order; 111, submitted before there were stages, waits at the first", async () => {
    expect(await stages()).toEqual([]);
    first = idOf(await addReviewStage(t.db, admin, { regionId, name: "业务科室初审" }));
    second = idOf(await addReviewStage(t.db, admin, { regionId, name: "局领导审定" }));
    expect(await addReviewStage(t.db, admin, { regionId, name: "局领导审定" })).toMatchObject({ ok: false, message: "本区已有名为“局领导审定”的审核阶段" });
    expect(await stages()).toEqual([
      [1, "业务科室初审", 1],
      [2, "局领导审定", 0],
    ]);
  });

  it("refuses to remove or move a stage that holds a budget, naming it", async () => {
    const removed = await removeReviewStage(t.db, admin, { stageId: first });
    expect(removed).toMatchObject({ ok: false, code: "conflict" });
    expect(removed.ok ? "" : removed.message).toMatch(
      /^“业务科室初审”阶段还有 1 个预算或决算在审核中（111 .+ 2024 年预算），不能删除；待其通过或退回后再删除$/,
    );
    const moved = await moveReviewStage(t.db, admin, { stageId: second, direction: "up" });
    expect(moved.ok ? "" : moved.message).toContain("“业务科室初审”阶段还有 1 个预算或决算在审核中");
    expect(moved.ok ? "" : moved.message).toContain("不能调整顺序");
    expect(await stages()).toEqual([
      [1, "业务科室初审", 1],
      [2, "局领导审定", 0],
    ]);
  });

  it("assigns the region's reviewers to its stages, and refuses a stage of another region", async () => {
    const reviewer = await membershipOf("reviewer.500109");
    const chief = await membershipOf("budgetchief.500109");
    expect((await assignStageReviewer(t.db, admin, { membershipId: reviewer.id, stageId: first })).ok).toBe(true);
    expect((await assignStageReviewer(t.db, admin, { membershipId: chief.id, stageId: second })).ok).toBe(true);
    const other = await t.db.region.create({ data: { code: "500199", name: "别的区" } });
    const foreign = idOf(await addReviewStage(t.db, admin, { regionId: other.id, name: "初审" }));
    expect(await assignStageReviewer(t.db, admin, { membershipId: reviewer.id, stageId: foreign })).toMatchObject({
      ok: false,
      message: "审核阶段不属于该审核员所在的区划",
    });
    const accountant = await t.db.membership.findFirstOrThrow({ where: { user: { username: "accountant.111" } } });
    expect(await assignStageReviewer(t.db, admin, { membershipId: accountant.id, stageId: first })).toMatchObject({
      ok: false,
      message: "所选用户不是财政局审核员",
    });
    expect((await membershipOf("reviewer.500109")).reviewStageId).toBe(first);
  });

  it("once 111 passed the first stage, the first may be removed and the second not", async () => {
    const reviewer = await sessionUser(t.db, "reviewer.500109");
    const { version } = await t.db.budget.findUniqueOrThrow({ where: { id: budget111 } });
    expect(await approveBudget(t.db, reviewer, { budgetId: budget111, expectedVersion: version })).toMatchObject({ ok: true, next: "局领导审定" });
    expect(await removeReviewStage(t.db, admin, { stageId: second })).toMatchObject({ ok: false, code: "conflict" });
    expect((await renameReviewStage(t.db, admin, { stageId: second, name: "局领导审批" })).ok).toBe(true);
    expect((await removeReviewStage(t.db, admin, { stageId: first })).ok).toBe(true);
    expect(await stages()).toEqual([[1, "局领导审批", 1]]);
    // The removed stage's reviewer acts at every stage again (the region's overall reviewer).
    expect((await membershipOf("reviewer.500109")).reviewStageId).toBeNull();
  });

  it("swaps two stages that hold nothing", async () => {
    const region = await t.db.region.create({ data: { code: "500198", name: "空区" } });
    const a = idOf(await addReviewStage(t.db, admin, { regionId: region.id, name: "甲" }));
    idOf(await addReviewStage(t.db, admin, { regionId: region.id, name: "乙" }));
    expect(await moveReviewStage(t.db, admin, { stageId: a, direction: "up" })).toMatchObject({ ok: false, message: "“甲”已是第一个审核阶段" });
    expect((await moveReviewStage(t.db, admin, { stageId: a, direction: "down" })).ok).toBe(true);
    const order = await t.db.reviewStage.findMany({ where: { regionId: region.id }, orderBy: { position: "asc" } });
    expect(order.map((s) => [s.position, s.name])).toEqual([
      [1, "乙"],
      [2, "甲"],
    ]);
  });

  it("is for administrators only", async () => {
    const reviewer = await sessionUser(t.db, "reviewer.500109");
    expect(await addReviewStage(t.db, reviewer, { regionId, name: "越权" })).toMatchObject({ ok: false, message: "您没有设置审核阶段的权限" });
    expect(await t.db.reviewStage.count({ where: { name: "越权" } })).toBe(0);
  });
});

describe("unit accountants", () => {
  it("creates the accountant of one unit of a department, and refuses a unit of another department", async () => {
    const d111 = await t.db.department.findFirstOrThrow({ where: { code: "111", regionId } });
    const d104 = await t.db.department.findFirstOrThrow({ where: { code: "104", regionId } });
    const unit = idOf(await createSubUnit(t.db, admin, { departmentId: d111.id, code: "111901", name: "信访接待中心" }));
    const elsewhere = idOf(await createSubUnit(t.db, admin, { departmentId: d104.id, code: "104901", name: "区信息中心" }));
    const base = { displayName: "接待中心会计", password: "a-long-password" };
    expect(
      await createUser(t.db, admin, { ...base, username: "accountant.111.9", membership: { role: "ACCOUNTANT", departmentId: d111.id, subUnitId: elsewhere } }),
    ).toMatchObject({
      ok: false,
      message: "所属单位：区信息中心不属于所选部门",
    });
    expect(await t.db.user.count({ where: { username: "accountant.111.9" } })).toBe(0);
    expect(await createUser(t.db, admin, { ...base, username: "accountant.111.9", membership: { role: "REVIEWER", regionId, subUnitId: unit } })).toMatchObject(
      {
        ok: false,
        message: "所属单位只用于会计",
      },
    );
    const created = await createUser(t.db, admin, {
      ...base,
      username: "accountant.111.9",
      membership: { role: "ACCOUNTANT", departmentId: d111.id, subUnitId: unit },
    });
    expect(created.ok).toBe(true);
    const session = await sessionUser(t.db, "accountant.111.9");
    expect(session.memberships).toEqual([expect.objectContaining({ role: "ACCOUNTANT", departmentId: d111.id, subUnitId: unit })]);
    // Added to an existing user, the same check.
    expect(await addMembership(t.db, admin, { userId: idOf(created), role: "ACCOUNTANT", departmentId: d104.id, subUnitId: unit })).toMatchObject({
      ok: false,
      message: "所属单位：信访接待中心不属于所选部门",
    });
  });
});
