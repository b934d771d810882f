import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/permissions";
import type { BudgetStatusName } from "@/lib/budget/status";
import { seedDemo } from "@/lib/db/seed-demo";
import { approveBudget } from "@/lib/workflow/approve-budget";
import { publishBudget } from "@/lib/workflow/publish-budget";
import { returnBudget } from "@/lib/workflow/return-budget";
import { startAdjustment } from "@/lib/workflow/start-adjustment";
import { submitBudget } from "@/lib/workflow/submit-budget";
import { freshDatabase, type TestDatabase } from "../helpers/database";
import { createReviewer, sessionUser } from "./users";

let t: TestDatabase;
let accountant134: SessionUser;
let accountant104: SessionUser;
let accountant111: SessionUser;
let reviewer: SessionUser;
let secondReviewer: SessionUser;
let foreignReviewer: SessionUser;
let budget134: number;
let budget111: number;
let budget104: number;

beforeAll(async () => {
  t = await freshDatabase();
  await seedDemo(t.db, () => undefined);
  accountant134 = await sessionUser(t.db, "accountant.134");
  accountant104 = await sessionUser(t.db, "accountant.104");
  accountant111 = await sessionUser(t.db, "accountant.111");
  reviewer = await sessionUser(t.db, "reviewer.500109");
  secondReviewer = await createReviewer(t.db, "reviewer2.500109", "500109");
  foreignReviewer = await createReviewer(t.db, "reviewer.500110", "500110", "重庆市渝北区");
  const idOf = async (unit: string) => (await t.db.budget.findFirstOrThrow({ where: { department: { code: unit } } })).id;
  budget134 = await idOf("134");
  budget111 = await idOf("111");
  budget104 = await idOf("104");
});
afterAll(async () => t.drop());

const state = (id: number) => t.db.budget.findUniqueOrThrow({ where: { id }, select: { status: true, version: true } });
const events = (id: number) => t.db.budgetEvent.findMany({ where: { budgetId: id }, orderBy: { id: "asc" } });

describe("the review workflow, one transaction per step", () => {
  it("refuses to submit while the engine reports an error, naming the findings", async () => {
    const line = await t.db.basicLine.findFirstOrThrow({ where: { budgetId: budget134 }, orderBy: { position: "asc" } });
    await t.db.basicLine.update({ where: { id: line.id }, data: { functionCode: "2999999" } });
    const before = await state(budget134);
    const eventsBefore = (await events(budget134)).length;
    const result = await submitBudget(t.db, accountant134, { budgetId: budget134, expectedVersion: before.version });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("findings");
    expect(result.message).toMatch(/^预算有 \d+ 项错误，修正后才能报送$/);
    expect(result.findings!.length).toBeGreaterThan(0);
    expect(result.findings!.every((f) => f.severity === "error")).toBe(true);
    expect(result.findings!.some((f) => f.message.includes("2999999"))).toBe(true);
    expect(await state(budget134)).toEqual(before);
    expect(await events(budget134)).toHaveLength(eventsBefore);
    expect(await t.db.budgetSubmission.count({ where: { budgetId: budget134 } })).toBe(0);
    await t.db.basicLine.update({ where: { id: line.id }, data: { functionCode: line.functionCode } });
  });

  it("submits a clean draft: status, version, submission date, event and a frozen copy of the package", async () => {
    const before = await state(budget134);
    expect(before.status).toBe("DRAFT");
    const result = await submitBudget(t.db, accountant134, { budgetId: budget134, expectedVersion: before.version, comment: "请审核" });
    expect(result).toEqual({ ok: true, status: "SUBMITTED", version: before.version + 1 });
    const row = await t.db.budget.findUniqueOrThrow({ where: { id: budget134 } });
    expect(row.submittedAt).toBeInstanceOf(Date);
    const last = (await events(budget134)).at(-1)!;
    expect(last).toMatchObject({
      action: "submit",
      actorId: accountant134.id,
      fromStatus: "DRAFT",
      toStatus: "SUBMITTED",
      version: before.version + 1,
      comment: "请审核",
    });
    const submissions = await t.db.budgetSubmission.findMany({ where: { budgetId: budget134 } });
    expect(submissions).toHaveLength(1);
    expect(submissions[0]).toMatchObject({ sequence: 1, version: before.version + 1, submittedById: accountant134.id });
    expect((submissions[0]!.package as { unit: { code: string } }).unit.code).toBe("134");
  });

  it("a stale version is a conflict and changes nothing", async () => {
    const before = await state(budget134);
    const result = await returnBudget(t.db, reviewer, { budgetId: budget134, expectedVersion: before.version - 1, comment: "退回" });
    expect(result).toMatchObject({ ok: false, code: "conflict" });
    if (!result.ok) expect(result.message).toContain("已被他人修改或处理");
    expect(await state(budget134)).toEqual(before);
  });

  it("returning requires a comment; with one the budget is editable again and the reason is in the trail", async () => {
    const before = await state(budget134);
    for (const comment of [undefined, "", "   "]) {
      const refused = await returnBudget(t.db, reviewer, {
        budgetId: budget134,
        expectedVersion: before.version,
        ...(comment === undefined ? {} : { comment }),
      });
      expect(refused).toEqual({ ok: false, code: "comment_required", message: "退回时必须填写退回意见" });
    }
    expect(await state(budget134)).toEqual(before);
    const result = await returnBudget(t.db, reviewer, { budgetId: budget134, expectedVersion: before.version, comment: "  项目支出依据不足  " });
    expect(result).toEqual({ ok: true, status: "RETURNED", version: before.version + 1 });
    expect((await events(budget134)).at(-1)).toMatchObject({
      action: "return",
      actorId: reviewer.id,
      fromStatus: "SUBMITTED",
      toStatus: "RETURNED",
      comment: "项目支出依据不足",
    });
  });

  it("a returned budget is resubmitted as a second submission", async () => {
    const before = await state(budget134);
    const result = await submitBudget(t.db, accountant134, { budgetId: budget134, expectedVersion: before.version });
    expect(result).toMatchObject({ ok: true, status: "SUBMITTED" });
    const seqs = await t.db.budgetSubmission.findMany({ where: { budgetId: budget134 }, orderBy: { sequence: "asc" } });
    expect(seqs.map((s) => s.sequence)).toEqual([1, 2]);
  });

  it("two reviewers approving at once: exactly one wins, the other is told in Chinese", async () => {
    const before = await state(budget134);
    const input = { budgetId: budget134, expectedVersion: before.version };
    const results = await Promise.all([approveBudget(t.db, reviewer, input), approveBudget(t.db, secondReviewer, input)]);
    const winners = results.filter((r) => r.ok);
    const losers = results.filter((r) => !r.ok);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expect(losers[0]).toMatchObject({ ok: false, code: "conflict" });
    expect(losers[0]!.ok === false && losers[0]!.message).toMatch(/当前状态：审核通过.*“审核通过”操作未执行/);
    expect(await state(budget134)).toEqual({ status: "APPROVED", version: before.version + 1 });
    expect((await events(budget134)).filter((e) => e.action === "approve")).toHaveLength(1);
  });

  it("two reviewers approving at once, many times over: never two approvals", async () => {
    for (let round = 0; round < 5; round++) {
      const id = await freshSubmitted(round);
      const { version } = await state(id);
      const results = await Promise.all([
        approveBudget(t.db, reviewer, { budgetId: id, expectedVersion: version }),
        approveBudget(t.db, secondReviewer, { budgetId: id, expectedVersion: version }),
        returnBudget(t.db, secondReviewer, { budgetId: id, expectedVersion: version, comment: "同时退回" }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === "conflict")).toBe(true);
      expect((await events(id)).filter((e) => e.fromStatus === "SUBMITTED")).toHaveLength(1);
    }
  });

  it("publishes an approved budget and freezes its snapshot in the same step", async () => {
    const before = await state(budget134);
    const result = await publishBudget(t.db, reviewer, { budgetId: budget134, expectedVersion: before.version });
    expect(result).toEqual({ ok: true, status: "PUBLISHED", version: before.version + 1 });
    const snapshots = await t.db.publishedSnapshot.findMany({ where: { budgetId: budget134 } });
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]).toMatchObject({ sequence: 1, publishedById: reviewer.id, supersededAt: null });
    expect(snapshots[0]!.narrative).toContain("部门预算情况说明");
  });

  it("预算调整: a published budget goes back to draft; its snapshot stays public until the new version is published", async () => {
    const before = await state(budget104);
    expect(before.status).toBe("PUBLISHED");
    const noReason = await startAdjustment(t.db, accountant104, { budgetId: budget104, expectedVersion: before.version });
    expect(noReason).toMatchObject({ ok: false, code: "comment_required" });
    const foreign = await startAdjustment(t.db, accountant111, { budgetId: budget104, expectedVersion: before.version, comment: "调整" });
    expect(foreign).toMatchObject({ ok: false, code: "not_found" });

    const adjusted = await startAdjustment(t.db, accountant104, { budgetId: budget104, expectedVersion: before.version, comment: "追加项目资金" });
    expect(adjusted).toEqual({ ok: true, status: "DRAFT", version: before.version + 1 });
    const first = await t.db.publishedSnapshot.findFirstOrThrow({ where: { budgetId: budget104 } });
    expect(first.supersededAt).toBeNull();

    let v = before.version + 1;
    for (const step of [
      () => submitBudget(t.db, accountant104, { budgetId: budget104, expectedVersion: v }),
      () => approveBudget(t.db, reviewer, { budgetId: budget104, expectedVersion: v }),
      () => publishBudget(t.db, reviewer, { budgetId: budget104, expectedVersion: v }),
    ]) {
      const r = await step();
      expect(r.ok).toBe(true);
      if (r.ok) v = r.version;
    }
    const snapshots = await t.db.publishedSnapshot.findMany({ where: { budgetId: budget104 }, orderBy: { sequence: "asc" } });
    expect(snapshots.map((s) => [s.sequence, s.supersededAt !== null])).toEqual([
      [1, true],
      [2, false],
    ]);
  });
});

describe("every illegal transition is refused", () => {
  // Written out independently of lib/workflow/transitions.ts, so that a change there fails here.
  const LEGAL: Record<string, BudgetStatusName[]> = {
    submit: ["DRAFT", "RETURNED"],
    return: ["SUBMITTED"],
    approve: ["SUBMITTED"],
    publish: ["APPROVED"],
    adjust: ["PUBLISHED"],
  };
  const STATUSES: BudgetStatusName[] = ["DRAFT", "SUBMITTED", "RETURNED", "APPROVED", "PUBLISHED"];
  const run = {
    submit: (id: number, v: number) => submitBudget(t.db, accountant111, { budgetId: id, expectedVersion: v, comment: "x" }),
    return: (id: number, v: number) => returnBudget(t.db, reviewer, { budgetId: id, expectedVersion: v, comment: "x" }),
    approve: (id: number, v: number) => approveBudget(t.db, reviewer, { budgetId: id, expectedVersion: v }),
    publish: (id: number, v: number) => publishBudget(t.db, reviewer, { budgetId: id, expectedVersion: v }),
    adjust: (id: number, v: number) => startAdjustment(t.db, accountant111, { budgetId: id, expectedVersion: v, comment: "x" }),
  };

  for (const [action, legal] of Object.entries(LEGAL)) {
    for (const from of STATUSES.filter((s) => !legal.includes(s))) {
      it(`${action} from ${from}`, async () => {
        const { version } = await t.db.budget.update({ where: { id: budget111 }, data: { status: from } });
        const eventsBefore = (await events(budget111)).length;
        const result = await run[action as keyof typeof run](budget111, version);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        // A reviewer never sees a draft: to them it does not exist.
        const reviewerAction = action !== "submit" && action !== "adjust";
        if (from === "DRAFT" && reviewerAction) {
          expect(result).toMatchObject({ code: "not_found", message: "预算不存在或您无权访问" });
        } else {
          expect(result.code).toBe("illegal_transition");
          expect(result.message).toMatch(/的预算不能.+（只有.+的预算可以）$/);
        }
        expect(await state(budget111)).toEqual({ status: from, version });
        expect(await events(budget111)).toHaveLength(eventsBefore);
      });
    }
  }
});

describe("permissions inside the query", () => {
  it("an accountant cannot approve or return, not even their own budget, nor publish it before approval and 批复", async () => {
    const { version } = await t.db.budget.update({ where: { id: budget111 }, data: { status: "SUBMITTED" } });
    for (const call of [approveBudget, returnBudget]) {
      const result = await call(t.db, accountant111, { budgetId: budget111, expectedVersion: version, comment: "x" });
      expect(result).toMatchObject({ ok: false, code: "forbidden" });
    }
    // 公开 is the department's too, after the 批复 (test/workflow/department-publish.test.ts).
    expect(await publishBudget(t.db, accountant111, { budgetId: budget111, expectedVersion: version })).toMatchObject({
      ok: false,
      code: "illegal_transition",
      message: "已报送的预算不能公开（只有审核通过的预算可以）",
    });
    expect(await state(budget111)).toEqual({ status: "SUBMITTED", version });
  });

  it("a reviewer cannot submit; a reviewer of another region finds nothing", async () => {
    const { version } = await state(budget111);
    expect(await submitBudget(t.db, reviewer, { budgetId: budget111, expectedVersion: version })).toMatchObject({ ok: false, code: "forbidden" });
    for (const call of [approveBudget, returnBudget]) {
      const result = await call(t.db, foreignReviewer, { budgetId: budget111, expectedVersion: version, comment: "x" });
      expect(result).toEqual({ ok: false, code: "not_found", message: "预算不存在或您无权访问" });
    }
    expect(await state(budget111)).toEqual({ status: "SUBMITTED", version });
  });

  it("an accountant of another department finds nothing to submit", async () => {
    const { version } = await t.db.budget.update({ where: { id: budget111 }, data: { status: "DRAFT" } });
    const result = await submitBudget(t.db, accountant104, { budgetId: budget111, expectedVersion: version });
    expect(result).toMatchObject({ ok: false, code: "not_found" });
    expect(await submitBudget(t.db, accountant104, { budgetId: 999_999, expectedVersion: 1 })).toMatchObject({ ok: false, code: "not_found" });
  });
});

/** A submitted copy of the 111 budget under a new department, for repeated races. */
async function freshSubmitted(round: number): Promise<number> {
  const source = await t.db.budget.findUniqueOrThrow({ where: { id: budget111 } });
  const region = await t.db.region.findFirstOrThrow({ where: { code: "500109" } });
  const department = await t.db.department.create({ data: { regionId: region.id, code: `90${round}`, name: `竞争测试部门${round}` } });
  const row = await t.db.budget.create({
    data: { departmentId: department.id, year: source.year, unitName: department.name, status: "SUBMITTED", version: 3 },
  });
  return row.id;
}
