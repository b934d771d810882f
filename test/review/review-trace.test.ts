import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/permissions";
import { seedDemo } from "@/lib/db/seed-demo";
import { loadReviewFigureChanges, loadReviewTrace } from "@/lib/review/load-review-trace";
import { returnBudget } from "@/lib/workflow/return-budget";
import { submitBudget } from "@/lib/workflow/submit-budget";
import { freshDatabase, type TestDatabase } from "../helpers/database";
import { createReviewer, sessionUser } from "../workflow/users";

let t: TestDatabase;
let reviewer: SessionUser;
let foreignReviewer: SessionUser;
let accountant134: SessionUser;
let budget111: number;
let budget134: number;

beforeAll(async () => {
  t = await freshDatabase();
  await seedDemo(t.db, () => undefined);
  reviewer = await sessionUser(t.db, "reviewer.500109");
  accountant134 = await sessionUser(t.db, "accountant.134");
  foreignReviewer = await createReviewer(t.db, "reviewer.500110", "500110");
  budget111 = (await t.db.budget.findFirstOrThrow({ where: { department: { code: "111" } } })).id;
  budget134 = (await t.db.budget.findFirstOrThrow({ where: { department: { code: "134" } } })).id;
});
afterAll(async () => t.drop());

const q = (s: string) => new URLSearchParams(s);

describe("traces on the budget under review", () => {
  it("opens any figure of the submitted budget, only in the reviewer's region", async () => {
    const r = await loadReviewTrace(t.db, reviewer, budget111, q("table=T2&row=total&column=total"));
    expect(r?.status).toBe(200);
    if (r?.status !== 200) return;
    expect(r.trace.lines.length).toBeGreaterThan(0);
    expect(r.previous).toBeNull();
    expect(await loadReviewTrace(t.db, foreignReviewer, budget111, q("table=T2&row=total&column=total"))).toBeNull();
    expect((await loadReviewTrace(t.db, reviewer, budget111, q("table=T99")))?.status).toBe(400);
    expect(await loadReviewFigureChanges(t.db, reviewer, budget111)).toBeNull();
  });

  it("shows what changed in each figure since the previous submission, down to the lines", async () => {
    let { version } = await t.db.budget.findUniqueOrThrow({ where: { id: budget134 } });
    let r = await submitBudget(t.db, accountant134, { budgetId: budget134, expectedVersion: version });
    version = r.ok ? r.version : version;
    r = await returnBudget(t.db, reviewer, { budgetId: budget134, expectedVersion: version, comment: "请核减项目金额" });
    version = r.ok ? r.version : version;
    const project = await t.db.project.findFirstOrThrow({ where: { budgetId: budget134 }, orderBy: { position: "asc" } });
    const minus = (d: { toString(): string }) => new Decimal(d.toString()).minus("352000").toFixed(2);
    await t.db.project.update({ where: { id: project.id }, data: { amount: minus(project.amount), ownArrangement: minus(project.ownArrangement) } });
    const income = await t.db.incomeLine.findFirstOrThrow({ where: { budgetId: budget134, fund: project.fund, carryover: false } });
    await t.db.incomeLine.update({ where: { id: income.id }, data: { amount: minus(income.amount) } });
    await t.db.budget.update({ where: { id: budget134 }, data: { version: { increment: 1 } } });
    r = await submitBudget(t.db, accountant134, { budgetId: budget134, expectedVersion: version + 1 });
    expect(r.ok).toBe(true);

    const changes = (await loadReviewFigureChanges(t.db, reviewer, budget134))!;
    expect(changes.sequence).toBe(1);
    const t8 = changes.changes.find((c) => c.table === "T8" && c.row === "total" && c.column === "project")!;
    expect(t8.change).toBe("-35.20");
    const trace = await loadReviewTrace(t.db, reviewer, budget134, q("table=T8&row=total&column=project"));
    expect(trace?.status).toBe(200);
    if (trace?.status !== 200) return;
    expect(trace.previous!.value).toBe(t8.before);
    expect(trace.previous!.lines).toHaveLength(1);
    expect(trace.previous!.lines[0]!.label).toContain(project.code);
  });
});
