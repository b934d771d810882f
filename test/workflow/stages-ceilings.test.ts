import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/permissions";
import { ceilingUse } from "@/lib/budget/ceilings";
import { budgetToPackage } from "@/lib/budget/package/from-budget";
import { loadBudgetById } from "@/lib/db/budgets/export-package";
import { seedDemo } from "@/lib/db/seed-demo";
import { issuedCeilings } from "@/lib/db/queries/ceilings";
import { loadForEngine } from "@/lib/db/budgets/load-for-engine";
import { approveBudget } from "@/lib/workflow/approve-budget";
import { returnBudget } from "@/lib/workflow/return-budget";
import { issueReply } from "@/lib/workflow/issue-reply";
import { formatWanDisplay } from "@/lib/format";
import { readPdfText } from "@/test/support/pdf-text";
import { saveSection } from "@/lib/workflow/save-section";
import { submitBudget } from "@/lib/workflow/submit-budget";
import { SECTIONS } from "@/lib/workspace/sections";
import { twoReviewStages } from "../helpers/review-stages";
import { freshDatabase, type TestDatabase } from "../helpers/database";
import { budgetIdOf } from "../helpers/users";
import { sessionUser } from "./users";

let t: TestDatabase;
let first: SessionUser;
let second: SessionUser;
let accountant: SessionUser;
let budget111: number;
let budget134: number;
let department134: number;

beforeAll(async () => {
  t = await freshDatabase();
  await seedDemo(t.db, () => undefined);
  ({ first, second } = await twoReviewStages(t.db));
  accountant = await sessionUser(t.db, "accountant.134");
  budget111 = await budgetIdOf(t.db, "111", 2024);
  budget134 = await budgetIdOf(t.db, "134", 2023);
  department134 = (await t.db.budget.findUniqueOrThrow({ where: { id: budget134 } })).departmentId;
});
afterAll(async () => t.drop());

const state = (id: number) => t.db.budget.findUniqueOrThrow({ where: { id }, select: { status: true, version: true, reviewStageId: true, approvedAt: true } });

describe("review stages", () => {
  it("lets only the stage's own reviewers pass or return it, and records who passed which stage", async () => {
    const at1 = await state(budget111);
    expect(at1.status).toBe("SUBMITTED");
    // Submitted before the stages existed: it waits at the first stage.
    const early = await approveBudget(t.db, second, { budgetId: budget111, expectedVersion: at1.version });
    expect(early).toMatchObject({ ok: false, code: "forbidden", message: "该预算正在“业务科室初审”阶段，只有该阶段的审核人可以通过或退回" });
    const earlyReturn = await returnBudget(t.db, second, { budgetId: budget111, expectedVersion: at1.version, comment: "越级退回" });
    expect(earlyReturn).toMatchObject({ ok: false, code: "forbidden" });
    expect(await state(budget111)).toEqual(at1);

    const passed = await approveBudget(t.db, first, { budgetId: budget111, expectedVersion: at1.version, comment: "初审无误" });
    expect(passed).toMatchObject({ ok: true, status: "SUBMITTED", version: at1.version + 1, passed: "业务科室初审", next: "局领导审定" });
    const at2 = await state(budget111);
    expect(at2.approvedAt).toBeNull();

    const again = await approveBudget(t.db, first, { budgetId: budget111, expectedVersion: at2.version });
    expect(again).toMatchObject({ ok: false, code: "forbidden", message: "该预算正在“局领导审定”阶段，只有该阶段的审核人可以通过或退回" });

    const returned = await returnBudget(t.db, second, { budgetId: budget111, expectedVersion: at2.version, comment: "请压减会议费" });
    expect(returned).toMatchObject({ ok: true, status: "RETURNED" });
    const events = await t.db.budgetEvent.findMany({ where: { budgetId: budget111 }, orderBy: { id: "asc" } });
    expect(events.slice(-2).map((e) => [e.action, e.actorId, e.stage, e.toStatus, e.comment])).toEqual([
      ["stage.pass", first.id, "业务科室初审", "SUBMITTED", "初审无误"],
      ["return", second.id, "局领导审定", "RETURNED", "请压减会议费"],
    ]);

    // Resubmitted, it starts again at the first stage and passes both.
    const accountant111 = await sessionUser(t.db, "accountant.111");
    const resubmitted = await submitBudget(t.db, accountant111, { budgetId: budget111, expectedVersion: (await state(budget111)).version });
    expect(resubmitted).toMatchObject({ ok: true, status: "SUBMITTED" });
    expect((await state(budget111)).reviewStageId).toBe(await firstStageId());
    expect(await approveBudget(t.db, first, { budgetId: budget111, expectedVersion: (await state(budget111)).version })).toMatchObject({
      ok: true,
      status: "SUBMITTED",
    });
    expect(await approveBudget(t.db, second, { budgetId: budget111, expectedVersion: (await state(budget111)).version })).toMatchObject({
      ok: true,
      status: "APPROVED",
      passed: "局领导审定",
    });
    const done = await state(budget111);
    expect(done.reviewStageId).toBeNull();
    expect(done.approvedAt).toBeInstanceOf(Date);
  });

  it("issues the 批复 once: a stored PDF with the totals, and the publication clock from it", async () => {
    const before = await state(budget111);
    const accountant111 = await sessionUser(t.db, "accountant.111");
    expect(await issueReply(t.db, accountant111, { budgetId: budget111, expectedVersion: before.version })).toMatchObject({ ok: false, code: "forbidden" });
    const issued = await issueReply(t.db, second, { budgetId: budget111, expectedVersion: before.version });
    expect(issued).toEqual({ ok: true, status: "APPROVED", version: before.version + 1 });
    const again = await issueReply(t.db, second, { budgetId: budget111, expectedVersion: before.version + 1 });
    expect(again).toMatchObject({ ok: false, message: "该预算的批复已经下达" });
    const reply = await t.db.budgetReply.findFirstOrThrow({ where: { budgetId: budget111 } });
    const totals = reply.totals as { total: string; basic: string; project: string };
    const text = readPdfText(Buffer.from(reply.pdf)).pages.join("").replace(/\s+/g, "");
    expect(text).toContain("2024年部门预算的通知");
    expect(text).toContain(`支出预算合计${formatWanDisplay(new Decimal(totals.total))}万元`);
    const row = await t.db.budget.findUniqueOrThrow({ where: { id: budget111 } });
    expect(row.replyIssuedAt).toEqual(reply.issuedAt);
  });
});

async function firstStageId() {
  return (await t.db.reviewStage.findFirstOrThrow({ where: { position: 1, region: { code: "500109" } } })).id;
}

describe("控制数 at 报送", () => {
  const pkg = async () => budgetToPackage((await loadBudgetById(t.db, budget134, {}))!, { unit: "元" });
  const version = async () => (await t.db.budget.findUniqueOrThrow({ where: { id: budget134 } })).version;

  it("refuses 报送 above an issued 控制数 with a named Chinese finding, and not above one not yet issued", async () => {
    const values = SECTIONS.basic.pick(await pkg());
    const used = values.basicExpenditure
      .filter((l) => (l.fund ?? "generalBudget") === "generalBudget")
      .reduce((s, l) => s.plus(l.amount ?? "0"), new Decimal(0));
    const ceiling = await t.db.ceiling.create({
      data: { departmentId: department134, year: 2023, fund: "generalBudget", kind: "basic", amount: used.minus("0.01").toFixed(2) },
    });
    expect(await issuedCeilings(t.db, department134, 2023)).toEqual([]);
    await t.db.ceiling.update({ where: { id: ceiling.id }, data: { issuedAt: new Date() } });
    const refused = await submitBudget(t.db, accountant, { budgetId: budget134, expectedVersion: await version() });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.code).toBe("findings");
    const finding = refused.findings!.find((f) => f.rule === "ceiling.exceeded")!;
    expect(finding.message).toContain(`一般公共预算拨款基本支出超出控制数：控制数`);
    expect(finding.message).toContain(`超出 0.00 万元（0.01 元）`);
    expect((await t.db.budget.findUniqueOrThrow({ where: { id: budget134 } })).status).toBe("DRAFT");
    await t.db.ceiling.delete({ where: { id: ceiling.id } });
  });

  it("never lets a save and a 报送 racing each other leave a submitted budget above its 控制数", async () => {
    // Two projects of one fund, so that money can move between them without unbalancing the budget.
    const split = SECTIONS.projects.pick(await pkg());
    const p1 = split.projects[0]!;
    const half = new Decimal(p1.amount!).dividedBy(2).toDecimalPlaces(2);
    const p2 = {
      ...structuredClone(p1),
      code: `${p1.code}X`,
      name: `${p1.name}（二期）`,
      amount: half.toFixed(2),
      ownArrangement: half.toFixed(2),
      superiorSubsidy: "0",
    };
    const rest = new Decimal(p1.amount!).minus(half);
    Object.assign(p1, { amount: rest.toFixed(2), ownArrangement: rest.toFixed(2), superiorSubsidy: "0" });
    split.projects.push(p2);
    const saved = await saveSection(t.db, accountant, { budgetId: budget134, expectedVersion: await version(), section: "projects", values: split });
    expect(saved).toMatchObject({ ok: true });
    const ceiling = await t.db.ceiling.create({
      data: {
        departmentId: department134,
        year: 2023,
        fund: p1.fund ?? "generalBudget",
        kind: "project",
        projectCode: p1.code!,
        amount: rest.toFixed(2),
        issuedAt: new Date(),
      },
    });

    const outcomes = new Set<string>();
    for (let round = 0; round < 6; round++) {
      const base = SECTIONS.projects.pick(await pkg());
      const moved = structuredClone(base);
      const [a, b] = moved.projects;
      const step = new Decimal("100.00");
      Object.assign(a!, { amount: new Decimal(a!.amount!).plus(step).toFixed(2), ownArrangement: new Decimal(a!.ownArrangement!).plus(step).toFixed(2) });
      Object.assign(b!, { amount: new Decimal(b!.amount!).minus(step).toFixed(2), ownArrangement: new Decimal(b!.ownArrangement!).minus(step).toFixed(2) });
      const v = await version();
      const [save, submit] = await Promise.all([
        saveSection(t.db, accountant, { budgetId: budget134, expectedVersion: v, section: "projects", values: moved, base }),
        submitBudget(t.db, accountant, { budgetId: budget134, expectedVersion: v }),
      ]);
      outcomes.add(`${save.ok}/${submit.ok}`);
      // Never both: a save after the check would change what was checked.
      expect(save.ok && submit.ok).toBe(false);
      const row = await t.db.budget.findUniqueOrThrow({ where: { id: budget134 } });
      const engine = (await loadForEngine(t.db, budget134, {}))!;
      const use = ceilingUse(engine.budget, await issuedCeilings(t.db, department134, 2023));
      if (row.status === "SUBMITTED") {
        expect(use.every((u) => !u.exceeded)).toBe(true);
        // Back to the department, for the next round.
        const back = await returnBudget(t.db, first, { budgetId: budget134, expectedVersion: row.version, comment: "再来一次" });
        expect(back.ok).toBe(true);
      } else {
        expect(submit.ok).toBe(false);
        if (!submit.ok && save.ok) expect(submit.findings?.some((f) => f.rule === "ceiling.exceeded") || submit.code === "conflict").toBe(true);
        if (save.ok) {
          // Undo the move, for the next round.
          const undo = await saveSection(t.db, accountant, { budgetId: budget134, expectedVersion: await version(), section: "projects", values: base });
          expect(undo.ok).toBe(true);
        }
      }
    }
    expect(outcomes.size).toBeGreaterThan(0);
    await t.db.ceiling.delete({ where: { id: ceiling.id } });
  });
});
