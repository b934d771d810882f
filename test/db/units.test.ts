import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/permissions";
import { ceilingUse } from "@/lib/budget/ceilings";
import { discloseBudget } from "@/lib/budget/disclose";
import { packageToBudget } from "@/lib/budget/package/to-budget";
import { editorCeilingUse } from "@/lib/workspace/ceiling-checks";
import { loadEditor } from "@/lib/workspace/load-editor";
import { consolidate } from "@/lib/budget/consolidate";
import { loadForEngine } from "@/lib/db/budgets/load-for-engine";
import { budgetScope } from "@/lib/db/scope";
import { seedDemo } from "@/lib/db/seed-demo";
import { createBudget } from "@/lib/workflow/create-budget";
import { reviewUnitBudget } from "@/lib/workflow/review-unit-budget";
import { saveSection } from "@/lib/workflow/save-section";
import { startNextYear } from "@/lib/workflow/start-next-year";
import { submitBudget } from "@/lib/workflow/submit-budget";
import { SECTIONS } from "@/lib/workspace/sections";
import { workingPackage } from "@/lib/workspace/serialize";
import { freshDatabase, type TestDatabase } from "../helpers/database";
import { budgetIdOf, sessionUser } from "../helpers/users";

/**
 * Units under a department (issue 18 §1), in the demo district: 104 区政府办公室 starts 2025 from
 * its 2024 budget, its two units' accountants prepare their units' budgets, and the department's
 * budget is their consolidation, submitted once every unit is accepted.
 */
let t: TestDatabase;
let department: SessionUser, unit1: SessionUser, unit2: SessionUser, reviewer: SessionUser, other: SessionUser;
let departmentBudget: number, unit1Budget: number, unit2Budget: number;
const version = async (id: number) => (await t.db.budget.findUniqueOrThrow({ where: { id } })).version;

/** What a unit accountant types: income and basic lines in 元, saved through the editor's use case. */
async function fill(user: SessionUser, budgetId: number, lines: { function: string; economic: string; amount: string }[]) {
  const input = (await loadForEngine(t.db, budgetId, budgetScope(user, "budget.read"), { ownPartOnly: true }))!;
  const pkg = workingPackage(input.budget, input.prior);
  const basic = SECTIONS.basic.pick(pkg);
  basic.basicExpenditure = lines.map((l) => ({ ...l, fund: "generalBudget" }));
  let saved = await saveSection(t.db, user, { budgetId, expectedVersion: await version(budgetId), section: "basic", values: basic });
  expect(saved.ok, JSON.stringify(saved)).toBe(true);
  const income = SECTIONS.income.pick(pkg);
  income.generalBudget = lines.reduce((s, l) => s.plus(l.amount), new Decimal(0)).toFixed(2);
  saved = await saveSection(t.db, user, { budgetId, expectedVersion: await version(budgetId), section: "income", values: income });
  expect(saved.ok, JSON.stringify(saved)).toBe(true);
}

beforeAll(async () => {
  t = await freshDatabase();
  await seedDemo(t.db, () => undefined);
  [department, unit1, unit2, reviewer, other] = (await Promise.all(
    ["accountant.104", "accountant.104.1", "accountant.104.2", "reviewer.500109", "accountant.111"].map((u) => sessionUser(t.db, u)),
  )) as [SessionUser, SessionUser, SessionUser, SessionUser, SessionUser];
  const next = await startNextYear(t.db, department, { fromBudgetId: await budgetIdOf(t.db, "104", 2024) });
  if (!next.ok) throw new Error(next.message);
  departmentBudget = next.budgetId;
  const created = await Promise.all([unit1, unit2].map((u) => createBudget(t.db, u, { departmentId: u.memberships[0]!.departmentId!, year: 2025 })));
  [unit1Budget, unit2Budget] = created.map((c) => (c.ok ? c.budgetId : Number.NaN)) as [number, number];
});
afterAll(async () => t.drop());

async function visible(user: SessionUser, permission: Parameters<typeof budgetScope>[1]) {
  const rows = await t.db.budget.findMany({ where: { AND: [budgetScope(user, permission), { year: 2025 }] }, include: { unit: true } });
  return rows.map((r) => r.unit?.code ?? "部门").sort();
}

describe("units under a department", () => {
  it("gives each unit accountant its unit's budget, under the unit's name", async () => {
    const rows = await t.db.budget.findMany({ where: { id: { in: [unit1Budget, unit2Budget] } }, include: { unit: true }, orderBy: { unit: { code: "asc" } } });
    expect(rows.map((r) => [r.unit?.code, r.unitName, r.status])).toEqual([
      ["104001", "重庆市北碚区人民政府办公室（本级）", "DRAFT"],
      ["104002", "重庆市北碚区信息中心", "DRAFT"],
    ]);
    expect(await createBudget(t.db, unit1, { departmentId: rows[0]!.departmentId, year: 2025 })).toMatchObject({
      ok: false,
      message: /（本级） 2025 年预算已存在/,
    });
  });

  it("scopes each actor inside the query: a unit its own, the department all to read and its own part to change", async () => {
    expect(await visible(unit1, "budget.read")).toEqual(["104001"]);
    expect(await visible(unit1, "budget.edit")).toEqual(["104001"]);
    expect(await visible(unit1, "unit.review")).toEqual([]);
    expect(await visible(unit2, "budget.read")).toEqual(["104002"]);
    expect(await visible(department, "budget.read")).toEqual(["104001", "104002", "部门"]);
    expect(await visible(department, "budget.edit")).toEqual(["部门"]);
    expect(await visible(department, "budget.submit")).toEqual(["部门"]);
    expect(await visible(department, "unit.review")).toEqual(["104001", "104002"]);
    // 公开: the department's own budget once its 批复 is issued (none yet), never a unit's.
    expect(await visible(department, "budget.publish")).toEqual([]);
    expect(await visible(unit1, "budget.publish")).toEqual([]);
    expect(await visible(other, "budget.read")).toEqual([]);
    expect(await visible(reviewer, "budget.read")).toEqual([]);
    // Nor the one-statement engine read: outside the scope is not found.
    expect(await loadForEngine(t.db, unit2Budget, budgetScope(unit1, "budget.read"))).toBeNull();
    expect(await loadForEngine(t.db, departmentBudget, budgetScope(unit1, "budget.read"))).toBeNull();
    const refused = await saveSection(t.db, unit1, { budgetId: unit2Budget, expectedVersion: await version(unit2Budget), section: "income", values: {} });
    expect(refused.ok).toBe(false);
  });

  it("reads the department's budget as its own part plus its units', each line keeping its unit", async () => {
    await fill(unit1, unit1Budget, [{ function: "2010301", economic: "30101", amount: "123456.78" }]);
    await fill(unit2, unit2Budget, [
      { function: "2010301", economic: "30201", amount: "5000.01" },
      { function: "2010302", economic: "30201", amount: "1000.00" },
    ]);
    const scope = budgetScope(department, "budget.read");
    const [dept, own, u1, u2] = await Promise.all([
      loadForEngine(t.db, departmentBudget, scope),
      loadForEngine(t.db, departmentBudget, scope, { ownPartOnly: true }),
      loadForEngine(t.db, unit1Budget, scope),
      loadForEngine(t.db, unit2Budget, scope),
    ]);
    expect(dept!.budget).toEqual(
      consolidate(own!.budget, [
        { code: "104001", name: "重庆市北碚区人民政府办公室（本级）", budget: u1!.budget },
        { code: "104002", name: "重庆市北碚区信息中心", budget: u2!.budget },
      ]),
    );
    expect(dept!.budget.basicExpenditure.filter((l) => l.subUnit === "104002").map((l) => l.amount.toFixed(2))).toEqual(["5000.01", "1000.00"]);
    // Every table sums the units: the department's 支出合计 is the sum of the parts', to the fen (in 万元 as printed).
    const total = (e: typeof dept) => new Decimal(discloseBudget(e!).summary.total);
    expect(total(dept).toFixed(2)).toBe(total(own).plus(total(u1)).plus(total(u2)).toFixed(2));
    expect(dept!.budget.income.generalBudget.minus(own!.budget.income.generalBudget).toFixed(2)).toBe("129456.79");
  });

  it("gives the department's editor its units' share of each 控制数, so the live checks count what 报送 counts", async () => {
    const departmentId = (await t.db.budget.findUniqueOrThrow({ where: { id: departmentBudget } })).departmentId;
    const ceiling = await t.db.ceiling.create({
      data: { departmentId, year: 2025, fund: "generalBudget", kind: "basic", amount: "100000000.00", issuedAt: new Date() },
    });
    const editor = (await loadEditor(t.db, department, departmentBudget))!;
    expect(editor.ceilingsBind).toBe(true);
    expect(editor.ceilings.map((c) => c.usedByUnits)).toEqual(["129456.79"]);
    const ceilings = editor.ceilings.map((c) => ({ ...c, amount: new Decimal(c.amount), usedByUnits: new Decimal(c.usedByUnits) }));
    const whole = (await loadForEngine(t.db, departmentBudget, budgetScope(department, "budget.read")))!;
    // What is on screen (the own part) plus the units' share is the consolidation's use.
    expect(editorCeilingUse(packageToBudget(editor.pkg), ceilings)[0]!.used.toFixed(2)).toBe(ceilingUse(whole.budget, ceilings)[0]!.used.toFixed(2));
    // A unit hands in to its department: its editor shows the ceiling but 报送 does not hold it to it.
    const unit = (await loadEditor(t.db, unit1, unit1Budget))!;
    expect([unit.ceilingsBind, unit.ceilings.map((c) => c.usedByUnits)]).toEqual([false, ["0.00"]]);
    await t.db.ceiling.delete({ where: { id: ceiling.id } });
  });

  it("submits the department's budget only once every unit has handed in and been accepted, with a trail", async () => {
    const refused = await submitBudget(t.db, department, { budgetId: departmentBudget, expectedVersion: await version(departmentBudget) });
    expect(refused).toMatchObject({ ok: false, code: "units_pending" });
    expect(!refused.ok && refused.message).toBe(
      "以下单位的预算尚未报送或尚未经部门审核通过：重庆市北碚区人民政府办公室（本级）（编制中）、重庆市北碚区信息中心（编制中）。全部单位报送并审核通过后，才能报送部门预算",
    );
    // 单位报送, then 部门审核: one accepted, one returned with a reason and handed in again.
    for (const [user, id] of [
      [unit1, unit1Budget],
      [unit2, unit2Budget],
    ] as const) {
      const r = await submitBudget(t.db, user, { budgetId: id, expectedVersion: await version(id) });
      expect(r, JSON.stringify(r)).toMatchObject({ ok: true, status: "SUBMITTED" });
    }
    expect(await reviewUnitBudget(t.db, unit2, "accept", { budgetId: unit1Budget, expectedVersion: await version(unit1Budget) })).toMatchObject({ ok: false });
    expect(await reviewUnitBudget(t.db, reviewer, "accept", { budgetId: unit1Budget, expectedVersion: await version(unit1Budget) })).toMatchObject({
      ok: false,
    });
    expect(await reviewUnitBudget(t.db, department, "accept", { budgetId: unit1Budget, expectedVersion: await version(unit1Budget) })).toMatchObject({
      ok: true,
      status: "APPROVED",
    });
    expect(await reviewUnitBudget(t.db, department, "return", { budgetId: unit2Budget, expectedVersion: await version(unit2Budget) })).toMatchObject({
      code: "comment_required",
    });
    expect(
      await reviewUnitBudget(t.db, department, "return", { budgetId: unit2Budget, expectedVersion: await version(unit2Budget), comment: "请核对办公费" }),
    ).toMatchObject({ ok: true, status: "RETURNED" });
    const stillOne = await submitBudget(t.db, department, { budgetId: departmentBudget, expectedVersion: await version(departmentBudget) });
    expect(!stillOne.ok && stillOne.message).toMatch(/：重庆市北碚区信息中心（已退回）。/);
    expect((await submitBudget(t.db, unit2, { budgetId: unit2Budget, expectedVersion: await version(unit2Budget) })).ok).toBe(true);
    expect((await reviewUnitBudget(t.db, department, "accept", { budgetId: unit2Budget, expectedVersion: await version(unit2Budget) })).ok).toBe(true);
    const submitted = await submitBudget(t.db, department, { budgetId: departmentBudget, expectedVersion: await version(departmentBudget) });
    if (!submitted.ok && submitted.code === "findings") {
      // The department's own part carries 2024's lines and needs its reasons: the units' gate is passed.
      expect(submitted.message).toMatch(/错误/);
    } else expect(submitted).toMatchObject({ ok: true, status: "SUBMITTED" });
    const trail = await t.db.budgetEvent.findMany({ where: { budgetId: unit2Budget }, orderBy: { id: "asc" } });
    expect(trail.map((e) => e.action)).toEqual(["create", "edit.basic", "edit.income", "submit", "unitReturn", "submit", "unitAccept"]);
    expect(trail[4]!.comment).toBe("请核对办公费");
  });
});
