import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveSection } from "@/lib/workflow/save-section";
import type { SessionUser } from "@/lib/auth/permissions";
import { freshDatabase, type TestDatabase } from "../helpers/database";
import { importDepartmentBudget, userWithRole } from "./support/world";
import { eventChanges } from "@/lib/db/budgets/event-changes";

/**
 * No lost update under load: 20 accountants of 20 departments save at the same time, 10 saves
 * each, every save adding one procurement line with an amount unique to that save. Afterwards
 * every one of the 200 amounts is in the database, and in the trail as the new value of the
 * save that entered it.
 */
export const ACCOUNTANTS = 20;
export const SAVES_EACH = 10;

let t: TestDatabase;
const desks: { user: SessionUser; budgetId: number; index: number }[] = [];
beforeAll(async () => {
  t = await freshDatabase();
  for (let i = 0; i < ACCOUNTANTS; i++) {
    const code = String(801 + i);
    const { budgetId, departmentId } = await importDepartmentBudget(t.db, code, { change: (p) => (p.procurement = []) });
    desks.push({ user: await userWithRole(t.db, `load.accountant.${code}`, "ACCOUNTANT", { departmentId }), budgetId, index: i });
  }
}, 180_000);
afterAll(async () => t.drop());

/** 元, unique per (accountant, save): accountant 3's 7th save enters 30700.07. */
const amountOf = (index: number, save: number) => `${(index + 1) * 100 + save}00.${String(save).padStart(2, "0")}`;

describe("many accountants saving at once", () => {
  it(`stores all ${ACCOUNTANTS * SAVES_EACH} saves of ${ACCOUNTANTS} accountants in ${ACCOUNTANTS} departments`, async () => {
    const outcomes = await Promise.all(
      desks.map(async ({ user, budgetId, index }) => {
        const results = [];
        let version = (await t.db.budget.findUniqueOrThrow({ where: { id: budgetId } })).version;
        const lines: { category: "goods" | "services"; fund: "generalBudget"; amount: string }[] = [];
        for (let save = 1; save <= SAVES_EACH; save++) {
          lines.push({ category: save % 2 ? "goods" : "services", fund: "generalBudget", amount: amountOf(index, save) });
          const result = await saveSection(t.db, user, { budgetId, expectedVersion: version, section: "procurement", values: { procurement: [...lines] } });
          results.push(result);
          if (result.ok) version = result.version;
        }
        return results;
      }),
    );
    const saved = outcomes.flat();
    expect(saved.filter((r) => r.ok)).toHaveLength(ACCOUNTANTS * SAVES_EACH);

    const expected = desks.flatMap(({ index }) => Array.from({ length: SAVES_EACH }, (_, s) => amountOf(index, s + 1)));
    const stored = await t.db.procurementLine.findMany({ where: { budgetId: { in: desks.map((d) => d.budgetId) } } });
    const storedAmounts = stored.map((l) => l.amount.toFixed(2)).sort();
    expect(storedAmounts).toEqual([...expected].sort());

    // The trail: each save is one event by its accountant, whose changes name the amount it added.
    const events = await t.db.budgetEvent.findMany({
      where: { budgetId: { in: desks.map((d) => d.budgetId) }, action: "edit.procurement" },
    });
    expect(events).toHaveLength(ACCOUNTANTS * SAVES_EACH);
    // Procurement lines of one category and fund are one amount in the trail (their sum), so each
    // save's event moves that sum by exactly the amount the save added.
    const added = events.map((e) =>
      eventChanges(e.changes)
        .reduce((sum, c) => sum.plus(c.newValue ?? 0).minus(c.oldValue ?? 0), new Decimal(0))
        .toFixed(2),
    );
    expect(added.sort()).toEqual([...expected].sort());
    for (const d of desks) {
      const b = await t.db.budget.findUniqueOrThrow({ where: { id: d.budgetId } });
      const own = events.filter((e) => e.budgetId === d.budgetId);
      expect(own.every((e) => e.actorId === d.user.id)).toBe(true);
      expect(b.version).toBe(1 + SAVES_EACH);
    }
  }, 180_000);
});
