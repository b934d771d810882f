import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/permissions";
import { importPackageText } from "@/lib/db/budgets/import-package";
import { seedDemo } from "@/lib/db/seed-demo";
import { loadReviewStage } from "@/lib/review/load-review-stage";
import { loadFinalFixtures } from "@/test/support/final/fixtures";
import { approveBudget } from "@/lib/workflow/approve-budget";
import { submitBudget } from "@/lib/workflow/submit-budget";
import { twoReviewStages } from "../helpers/review-stages";
import { freshDatabase, type TestDatabase } from "../helpers/database";
import { sessionUser } from "../workflow/users";

/** A 决算 moves through the region's review stages like a budget, and its review page reads where it is. */
let t: TestDatabase;
let first: SessionUser;
let second: SessionUser;
let finalId: number;

beforeAll(async () => {
  t = await freshDatabase();
  await seedDemo(t.db, () => undefined);
  ({ first, second } = await twoReviewStages(t.db));
  const imported = await importPackageText(t.db, loadFinalFixtures()[0]!.text.replace('"year": 2020', '"year": 2021'));
  if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
  finalId = imported.budgetId;
});
afterAll(async () => t.drop());

const version = async () => (await t.db.budget.findUniqueOrThrow({ where: { id: finalId } })).version;

describe("a 决算 in a region with review stages", () => {
  it("waits at the first stage once submitted, held by that stage's reviewers", async () => {
    // A draft is outside a reviewer's scope.
    expect(await loadReviewStage(t.db, first, finalId)).toBeNull();
    const accountant = await sessionUser(t.db, "accountant.104");
    expect(await submitBudget(t.db, accountant, { budgetId: finalId, expectedVersion: await version() })).toMatchObject({ ok: true, status: "SUBMITTED" });
    expect(await loadReviewStage(t.db, first, finalId)).toMatchObject({
      stage: { name: "业务科室初审", holders: [expect.any(String)], days: 0 },
      nextStage: "局领导审定",
      mayAct: true,
    });
    expect(await loadReviewStage(t.db, second, finalId)).toMatchObject({ stage: { name: "业务科室初审" }, mayAct: false });
  });

  it("moves to the second stage when the first passes it, and is approved there", async () => {
    expect(await approveBudget(t.db, second, { budgetId: finalId, expectedVersion: await version() })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await approveBudget(t.db, first, { budgetId: finalId, expectedVersion: await version() })).toMatchObject({ ok: true, next: "局领导审定" });
    expect(await loadReviewStage(t.db, second, finalId)).toMatchObject({ stage: { name: "局领导审定", holders: ["预算科长"] }, nextStage: null, mayAct: true });
    expect(await loadReviewStage(t.db, first, finalId)).toMatchObject({ mayAct: false });
    expect(await approveBudget(t.db, second, { budgetId: finalId, expectedVersion: await version() })).toMatchObject({ ok: true, status: "APPROVED" });
    expect(await loadReviewStage(t.db, second, finalId)).toMatchObject({ stage: null, nextStage: null, mayAct: false });
  });

  it("is not found outside the reviewer's region", async () => {
    const accountant = await sessionUser(t.db, "accountant.111");
    expect(await loadReviewStage(t.db, accountant, finalId)).toBeNull();
  });
});
