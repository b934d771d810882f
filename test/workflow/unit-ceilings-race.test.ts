import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/permissions";
import { ceilingUse } from "@/lib/budget/ceilings";
import { loadForEngine } from "@/lib/db/budgets/load-for-engine";
import { issuedCeilings } from "@/lib/db/queries/ceilings";
import { budgetScope } from "@/lib/db/scope";
import { seedDemo } from "@/lib/db/seed-demo";
import { createBudget } from "@/lib/workflow/create-budget";
import { returnBudget } from "@/lib/workflow/return-budget";
import { reviewUnitBudget } from "@/lib/workflow/review-unit-budget";
import { saveSection } from "@/lib/workflow/save-section";
import { submitBudget } from "@/lib/workflow/submit-budget";
import { SECTIONS } from "@/lib/workspace/sections";
import { workingPackage } from "@/lib/workspace/serialize";
import { freshDatabase, type TestDatabase } from "../helpers/database";
import { sessionUser } from "../helpers/users";

/**
 * Issue 18: two units of one department, each under the department's 基本支出 控制数 alone, can
 * exceed it together. A unit's own 报送 is not held to the department's ceilings; the department's
 * 报送 is, on the sum of its accepted units read under lock. So whatever the units do at the
 * same moment as the 报送 — both returned, both saving more, handing in again — a department
 * budget that reaches the bureau is never above its 控制数.
 */
let t: TestDatabase;
let department: SessionUser, reviewer: SessionUser;
let units: { user: SessionUser; budgetId: number }[];
let departmentBudget: number, departmentId: number;
const CEILING = new Decimal("100000.00");
const version = async (id: number) => (await t.db.budget.findUniqueOrThrow({ where: { id } })).version;
const status = async (id: number) => (await t.db.budget.findUniqueOrThrow({ where: { id } })).status;

/** The unit's basic line and its matching income, saved as the unit's accountant would. */
async function setAmount(user: SessionUser, budgetId: number, amount: string) {
  const input = (await loadForEngine(t.db, budgetId, budgetScope(user, "budget.read"), { ownPartOnly: true }))!;
  const pkg = workingPackage(input.budget, input.prior);
  const basic = SECTIONS.basic.pick(pkg);
  basic.basicExpenditure = [{ function: "2010301", economic: "30201", fund: "generalBudget", amount }];
  const saved = await saveSection(t.db, user, { budgetId, expectedVersion: await version(budgetId), section: "basic", values: basic });
  if (!saved.ok) return saved;
  const income = SECTIONS.income.pick(pkg);
  income.generalBudget = amount;
  return saveSection(t.db, user, { budgetId, expectedVersion: await version(budgetId), section: "income", values: income });
}

/** 单位报送 and 部门审核 of one unit, as far as each step is allowed. */
async function handInAndAccept(unit: (typeof units)[number]) {
  const handed = await submitBudget(t.db, unit.user, { budgetId: unit.budgetId, expectedVersion: await version(unit.budgetId) });
  if (!handed.ok) return handed;
  return reviewUnitBudget(t.db, department, "accept", { budgetId: unit.budgetId, expectedVersion: await version(unit.budgetId) });
}

/** What the department's budget uses of the ceiling: its own part plus every unit, as 报送 counts. */
async function consolidatedUse() {
  const engine = (await loadForEngine(t.db, departmentBudget, {}))!;
  return ceilingUse(engine.budget, await issuedCeilings(t.db, departmentId, 2025));
}

beforeAll(async () => {
  t = await freshDatabase();
  await seedDemo(t.db, () => undefined);
  const [dept, u1, u2, rev] = await Promise.all(["accountant.104", "accountant.104.1", "accountant.104.2", "reviewer.500109"].map((u) => sessionUser(t.db, u)));
  [department, reviewer] = [dept!, rev!];
  departmentId = department.memberships[0]!.departmentId!;
  const created = await createBudget(t.db, department, { departmentId, year: 2025 });
  if (!created.ok) throw new Error(created.message);
  departmentBudget = created.budgetId;
  units = [];
  for (const user of [u1!, u2!]) {
    const unit = await createBudget(t.db, user, { departmentId, year: 2025 });
    if (!unit.ok) throw new Error(unit.message);
    units.push({ user, budgetId: unit.budgetId });
  }
  await t.db.ceiling.create({ data: { departmentId, year: 2025, fund: "generalBudget", kind: "basic", amount: CEILING.toFixed(2), issuedAt: new Date() } });
});
afterAll(async () => t.drop());

describe("a department's 控制数 and its units", () => {
  it("refuses the department's 报送 when its units, each within the ceiling, exceed it together", async () => {
    // Both units save at once, each 60,000 元 against a department ceiling of 100,000 元.
    const saved = await Promise.all(units.map((u) => setAmount(u.user, u.budgetId, "60000.00")));
    expect(saved.every((s) => s.ok)).toBe(true);
    for (const unit of units) expect(await handInAndAccept(unit)).toMatchObject({ ok: true });
    const refused = await submitBudget(t.db, department, { budgetId: departmentBudget, expectedVersion: await version(departmentBudget) });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.findings?.some((f) => f.rule === "ceiling.exceeded")).toBe(true);
    expect(await status(departmentBudget)).not.toBe("SUBMITTED");
  });

  it("never lets units saving at the moment of the 报送 leave a submitted department budget above its 控制数", async () => {
    const outcomes = new Set<string>();
    for (let round = 0; round < 5; round++) {
      // Back within the ceiling: both units returned, 50,000 元 each, handed in and accepted.
      for (const unit of units) {
        if ((await status(unit.budgetId)) !== "RETURNED" && (await status(unit.budgetId)) !== "DRAFT") {
          const back = await reviewUnitBudget(t.db, department, "return", {
            budgetId: unit.budgetId,
            expectedVersion: await version(unit.budgetId),
            comment: "请调整",
          });
          expect(back, JSON.stringify(back)).toMatchObject({ ok: true });
        }
        expect(await setAmount(unit.user, unit.budgetId, "50000.00")).toMatchObject({ ok: true });
        expect(await handInAndAccept(unit)).toMatchObject({ ok: true });
      }
      // The department reports while both units are taken back, raised to 60,000 元 at once and handed in again.
      const raise = async (unit: (typeof units)[number]) => {
        const back = await reviewUnitBudget(t.db, department, "return", {
          budgetId: unit.budgetId,
          expectedVersion: await version(unit.budgetId),
          comment: "请追加",
        });
        if (!back.ok) return "kept";
        const saved = await setAmount(unit.user, unit.budgetId, "60000.00");
        if (!saved.ok) return "unsaved";
        return (await handInAndAccept(unit)).ok ? "raised" : "pending";
      };
      const [submitted, ...raised] = await Promise.all([
        submitBudget(t.db, department, { budgetId: departmentBudget, expectedVersion: await version(departmentBudget) }),
        ...units.map(raise),
      ]);
      outcomes.add(`${submitted.ok}/${raised.join(",")}`);
      if ((await status(departmentBudget)) === "SUBMITTED") {
        expect((await consolidatedUse()).every((u) => !u.exceeded)).toBe(true);
        // Neither unit may have changed once the department's 报送 went through.
        expect(raised).toEqual(["kept", "kept"]);
        const back = await returnBudget(t.db, reviewer, { budgetId: departmentBudget, expectedVersion: await version(departmentBudget), comment: "再来一次" });
        expect(back, JSON.stringify(back)).toMatchObject({ ok: true });
      } else {
        // Whatever the units ended at, a 报送 now is held to the sum.
        const again = await submitBudget(t.db, department, { budgetId: departmentBudget, expectedVersion: await version(departmentBudget) });
        if (again.ok) expect((await consolidatedUse()).every((u) => !u.exceeded)).toBe(true);
        else expect(again.code === "units_pending" || again.findings?.some((f) => f.rule === "ceiling.exceeded")).toBe(true);
        if (again.ok) {
          const back = await returnBudget(t.db, reviewer, {
            budgetId: departmentBudget,
            expectedVersion: await version(departmentBudget),
            comment: "再来一次",
          });
          expect(back, JSON.stringify(back)).toMatchObject({ ok: true });
        }
      }
    }
    expect(outcomes.size).toBeGreaterThan(0);
  });
});
