import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { amountChanges } from "@/lib/budget/amount-changes";
import { budgetToPackage } from "@/lib/budget/package/from-budget";
import type { SessionUser } from "@/lib/auth/permissions";
import { loadBudgetById } from "@/lib/db/budgets/export-package";
import { importIntoBudget } from "@/lib/workflow/import-into-budget";
import { saveSection } from "@/lib/workflow/save-section";
import { approveBudget } from "@/lib/workflow/approve-budget";
import { publishBudget } from "@/lib/workflow/publish-budget";
import { returnBudget } from "@/lib/workflow/return-budget";
import { submitBudget } from "@/lib/workflow/submit-budget";
import { SECTIONS } from "@/lib/workspace/sections";
import { freshDatabase, type TestDatabase } from "../helpers/database";
import { importDepartmentBudget, userWithRole } from "./support/world";
import { eventChanges } from "@/lib/db/budgets/event-changes";

/**
 * The trail: a budget is imported, edited, submitted, returned, edited again (by form and by
 * import), resubmitted, approved and published; reading the trail back gives every amount change
 * with who, when, the old and the new value, and every status change with who, when, from and
 * to. Replaying the amount changes from nothing gives exactly the amounts stored now, so no write
 * went around the trail.
 */

let t: TestDatabase;
let budgetId: number;
let accountant: SessionUser;
let reviewer: SessionUser;
beforeAll(async () => {
  t = await freshDatabase();
  const b = await importDepartmentBudget(t.db, "870");
  budgetId = b.budgetId;
  accountant = await userWithRole(t.db, "trail.accountant", "ACCOUNTANT", { departmentId: b.departmentId });
  const region = await t.db.region.findUniqueOrThrow({ where: { code: "500109" } });
  reviewer = await userWithRole(t.db, "trail.reviewer", "REVIEWER", { regionId: region.id });
});
afterAll(async () => t.drop());

const version = async () => (await t.db.budget.findUniqueOrThrow({ where: { id: budgetId } })).version;
const working = async () => budgetToPackage((await loadBudgetById(t.db, budgetId, {}))!, { unit: "元" });

async function save<S extends "basic" | "income">(section: S, change: (v: ReturnType<(typeof SECTIONS)[S]["pick"]>) => void) {
  const values = SECTIONS[section].pick(await working()) as ReturnType<(typeof SECTIONS)[S]["pick"]>;
  change(values);
  const result = await saveSection(t.db, accountant, { budgetId, expectedVersion: await version(), section, values: values as never });
  expect(result.ok).toBe(true);
}

async function step(run: typeof submitBudget, actor: SessionUser, comment?: string) {
  const result = await run(t.db, actor, { budgetId, expectedVersion: await version(), ...(comment ? { comment } : {}) });
  expect(result).toMatchObject({ ok: true });
}

describe("the trail of a budget", () => {
  it("holds every amount and status change with who, when, old and new value", async () => {
    const started = new Date(Date.now() - 1000);
    // The petition office's first basic line: 124.93 万元 = 1,249,300.00 元; income 873.25 万元.
    await save("basic", (v) => (v.basicExpenditure[0]!.amount = "1250300.00"));
    await save("income", (v) => (v.generalBudget = "8733500.00"));
    await step(submitBudget, accountant);
    await step(returnBudget, reviewer, "请核对基本工资");
    await save("basic", (v) => (v.basicExpenditure[0]!.amount = "1249800.50"));
    await save("income", (v) => (v.generalBudget = "8733000.50"));
    // An import into the returned budget: the first project's amounts 40 万元 → 41 万元.
    const pkg = await working();
    const file = {
      ...pkg,
      projects: pkg.projects!.map((p, i) => (i === 0 ? { ...p, amount: "410000.00", ownArrangement: "410000.00" } : p)),
      income: { ...pkg.income, generalBudget: "8743000.50" },
    };
    const imported = await importIntoBudget(t.db, accountant, {
      budgetId,
      expectedVersion: await version(),
      text: JSON.stringify(file),
      mode: "replace",
      apply: true,
    });
    expect(imported).toMatchObject({ ok: true, applied: true });
    await step(submitBudget, accountant);
    await step(approveBudget, reviewer);
    await step(publishBudget, reviewer);
    const finished = new Date(Date.now() + 1000);

    const trail = await t.db.budgetEvent.findMany({
      where: { budgetId },
      orderBy: { id: "asc" },
      include: { actor: { select: { username: true } } },
    });
    const row = (e: (typeof trail)[number]) => ({
      action: e.action,
      who: e.actor?.username ?? null,
      from: e.fromStatus,
      to: e.toStatus,
      changes: eventChanges(e.changes).map((c) => [c.key, c.oldValue, c.newValue]),
    });
    const [created, ...rest] = trail;
    expect(created).toMatchObject({ action: "import", fromStatus: null, toStatus: "DRAFT" });
    expect(rest.map(row)).toEqual([
      {
        action: "edit.basic",
        who: "trail.accountant",
        from: "DRAFT",
        to: "DRAFT",
        changes: [["basic/2014001/30101/generalBudget", "1249300.00", "1250300.00"]],
      },
      { action: "edit.income", who: "trail.accountant", from: "DRAFT", to: "DRAFT", changes: [["income/generalBudget", "8732500.00", "8733500.00"]] },
      { action: "submit", who: "trail.accountant", from: "DRAFT", to: "SUBMITTED", changes: [] },
      { action: "return", who: "trail.reviewer", from: "SUBMITTED", to: "RETURNED", changes: [] },
      {
        action: "edit.basic",
        who: "trail.accountant",
        from: "RETURNED",
        to: "RETURNED",
        changes: [["basic/2014001/30101/generalBudget", "1250300.00", "1249800.50"]],
      },
      { action: "edit.income", who: "trail.accountant", from: "RETURNED", to: "RETURNED", changes: [["income/generalBudget", "8733500.00", "8733000.50"]] },
      {
        action: "import.replace",
        who: "trail.accountant",
        from: "RETURNED",
        to: "RETURNED",
        changes: [
          ["income/generalBudget", "8733000.50", "8743000.50"],
          ["project/50010924T000000000001/amount", "400000.00", "410000.00"],
          ["project/50010924T000000000001/ownArrangement", "400000.00", "410000.00"],
        ],
      },
      { action: "submit", who: "trail.accountant", from: "RETURNED", to: "SUBMITTED", changes: [] },
      { action: "approve", who: "trail.reviewer", from: "SUBMITTED", to: "APPROVED", changes: [] },
      { action: "publish", who: "trail.reviewer", from: "APPROVED", to: "PUBLISHED", changes: [] },
    ]);
    // When: every event is stamped, in order, within the test.
    for (const e of trail) {
      expect(e.at.getTime()).toBeGreaterThanOrEqual(started.getTime());
      expect(e.at.getTime()).toBeLessThanOrEqual(finished.getTime());
    }
    expect(trail.map((e) => e.version)).toEqual(trail.map((_, i) => i + 1));
    expect((await t.db.budget.findUniqueOrThrow({ where: { id: budgetId } })).version).toBe(trail.length);

    // Replaying the trail from the import reproduces every amount stored now, to the fen.
    const replayed = new Map<string, string>();
    for (const e of trail) {
      for (const c of eventChanges(e.changes)) {
        expect(replayed.get(c.key) ?? null).toBe(c.oldValue);
        if (c.newValue === null) replayed.delete(c.key);
        else replayed.set(c.key, c.newValue);
      }
    }
    const now = new Map(amountChanges(null, (await loadBudgetById(t.db, budgetId, {}))!).map((c) => [c.key, c.newValue!]));
    expect(replayed).toEqual(now);
  });
});
