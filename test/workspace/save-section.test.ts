import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveSection } from "@/lib/workflow/save-section";
import { startNextYear } from "@/lib/workflow/start-next-year";
import { importIntoBudget } from "@/lib/workflow/import-into-budget";
import { loadBudgetById } from "@/lib/db/budgets/export-package";
import { budgetToPackage } from "@/lib/budget/package/from-budget";
import { seedDemo } from "@/lib/db/seed-demo";
import { SECTIONS } from "@/lib/workspace/sections";
import { freshDatabase, type TestDatabase } from "../helpers/database";
import { budgetIdOf, sessionUser } from "../helpers/users";
import { fixturePackages } from "../helpers/fixtures";
import { amountChanges } from "@/lib/budget/amount-changes";
import { eventChanges } from "@/lib/db/budgets/event-changes";

let t: TestDatabase;
let draftId: number; // 134 2023 编制中
beforeAll(async () => {
  t = await freshDatabase();
  await seedDemo(t.db, () => undefined);
  draftId = await budgetIdOf(t.db, "134", 2023);
});
afterAll(async () => t.drop());

async function workingPkg(id: number) {
  const b = await loadBudgetById(t.db, id, {});
  return budgetToPackage(b!, { unit: "元" });
}
const version = async (id: number) => (await t.db.budget.findUniqueOrThrow({ where: { id } })).version;

describe("saving a section", () => {
  it("stores the section, bumps the version and writes a trail event", async () => {
    const user = await sessionUser(t.db, "accountant.134");
    const values = SECTIONS.income.pick(await workingPkg(draftId));
    values.other = "12345.67";
    const v = await version(draftId);
    const result = await saveSection(t.db, user, { budgetId: draftId, expectedVersion: v, section: "income", values });
    expect(result).toEqual({ ok: true, version: v + 1 });
    const line = await t.db.incomeLine.findFirstOrThrow({ where: { budgetId: draftId, fund: "other", carryover: false } });
    expect(line.amount.toString()).toBe("12345.67");
    const event = await t.db.budgetEvent.findFirstOrThrow({ where: { budgetId: draftId }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({ action: "edit.income", actorId: user.id, version: v + 1 });
    // The trail holds who, when, and the old and new value of every amount changed.
    expect(event.at).toBeInstanceOf(Date);
    expect(eventChanges(event.changes).map((c) => [c.key, c.oldValue, c.newValue])).toEqual([["income/other", "0.00", "12345.67"]]);
  });

  it("gives exactly one of two concurrent saves; the other gets a conflict and nothing of it is stored", async () => {
    const user = await sessionUser(t.db, "accountant.134");
    const base = SECTIONS["three-public"].pick(await workingPkg(draftId));
    const v = await version(draftId);
    const a = { ...base, threePublic: { ...base.threePublic, reception: "1111.00" } };
    const b = { ...base, threePublic: { ...base.threePublic, reception: "2222.00" } };
    const results = await Promise.all([
      saveSection(t.db, user, { budgetId: draftId, expectedVersion: v, section: "three-public", values: a }),
      saveSection(t.db, user, { budgetId: draftId, expectedVersion: v, section: "three-public", values: b }),
    ]);
    const winners = results.filter((r) => r.ok);
    const losers = results.filter((r) => !r.ok);
    expect(winners).toHaveLength(1);
    expect(losers[0]).toMatchObject({ ok: false, code: "conflict" });
    expect((losers[0] as { message: string }).message).toMatch(/保存冲突/);
    const stored = await t.db.threePublic.findUniqueOrThrow({ where: { budgetId: draftId } });
    const winnerValue = results[0]!.ok ? "1111" : "2222";
    expect(stored.reception.toString()).toBe(winnerValue);
    expect(await version(draftId)).toBe(v + 1);
  });

  it("refuses a bad value with a Chinese message naming the field, and keeps what was saved", async () => {
    const user = await sessionUser(t.db, "accountant.134");
    const before = await workingPkg(draftId);
    const values = SECTIONS.basic.pick(before);
    values.basicExpenditure[0]!.amount = "-5";
    const negative = await saveSection(t.db, user, { budgetId: draftId, expectedVersion: await version(draftId), section: "basic", values });
    expect(negative).toMatchObject({
      ok: false,
      code: "invalid",
      errors: [{ path: "basicExpenditure[0].amount", field: "basicExpenditure.0.amount", message: expect.stringMatching(/基本支出.*负数/) }],
    });
    values.basicExpenditure[0]!.amount = "5.00";
    values.basicExpenditure[1]!.economic = "39999";
    const unknown = await saveSection(t.db, user, { budgetId: draftId, expectedVersion: await version(draftId), section: "basic", values });
    expect(unknown).toMatchObject({
      ok: false,
      code: "invalid",
      errors: [{ path: "basicExpenditure[1].economic", field: "basicExpenditure.1.economic", message: expect.stringMatching(/39999/) }],
    });
    expect(await workingPkg(draftId)).toEqual(before);
  });

  it("merges a save over another section's newer save; the same section is a conflict naming who and carrying their values", async () => {
    const user = await sessionUser(t.db, "accountant.134");
    const loaded = await workingPkg(draftId);
    const v = await version(draftId);
    // Another window saves 三公 …
    const threePublic = SECTIONS["three-public"].pick(loaded);
    threePublic.threePublic.abroad = "3333.00";
    expect(await saveSection(t.db, user, { budgetId: draftId, expectedVersion: v, section: "three-public", values: threePublic })).toEqual({
      ok: true,
      version: v + 1,
    });
    // … this one, loaded before, saves 收入: merged, nothing of the other save lost.
    const incomeBase = SECTIONS.income.pick(loaded);
    const income = { ...incomeBase, other: "4444.00" };
    expect(await saveSection(t.db, user, { budgetId: draftId, expectedVersion: v, section: "income", values: income, base: incomeBase })).toEqual({
      ok: true,
      version: v + 2,
    });
    const now = await workingPkg(draftId);
    expect(now.threePublic?.abroad).toBe("3333.00");
    expect(now.income?.other).toBe("4444.00");
    // The same section from the stale window is a conflict: who saved, and the values saved.
    const stale = { ...incomeBase, other: "5555.00" };
    const result = await saveSection(t.db, user, { budgetId: draftId, expectedVersion: v, section: "income", values: stale, base: incomeBase });
    expect(result).toMatchObject({ ok: false, code: "conflict", currentVersion: v + 2, savedBy: { self: true }, theirs: { other: "4444.00" } });
    expect((result as { message: string }).message).toContain("你自己在另一个窗口");
  });

  it("saving an unchanged section is a no-op: no new version, no trail row", async () => {
    const user = await sessionUser(t.db, "accountant.134");
    const values = SECTIONS.basic.pick(await workingPkg(draftId));
    const v = await version(draftId);
    const events = await t.db.budgetEvent.count({ where: { budgetId: draftId } });
    expect(await saveSection(t.db, user, { budgetId: draftId, expectedVersion: v, section: "basic", values })).toEqual({
      ok: true,
      version: v,
      unchanged: true,
    });
    expect(await version(draftId)).toBe(v);
    expect(await t.db.budgetEvent.count({ where: { budgetId: draftId } })).toBe(events);
  });

  // The basic section is written in one statement (version bump, lines, trail): the same rows as
  // the transaction of the other sections, and the same conflict for the slower of two saves.
  it("saves the basic section: its lines in order, the version, and every changed amount in the trail", async () => {
    const user = await sessionUser(t.db, "accountant.134");
    const before = (await loadBudgetById(t.db, draftId, {}))!;
    const values = SECTIONS.basic.pick(budgetToPackage(before, { unit: "元" }));
    const [first, ...rest] = values.basicExpenditure;
    values.basicExpenditure = [...rest, { ...first!, amount: "98765.43" }];
    const v = await version(draftId);
    const result = await saveSection(t.db, user, { budgetId: draftId, expectedVersion: v, section: "basic", values });
    expect(result).toEqual({ ok: true, version: v + 1 });
    const after = (await loadBudgetById(t.db, draftId, {}))!;
    expect(SECTIONS.basic.pick(budgetToPackage(after, { unit: "元" }))).toEqual(values);
    const event = await t.db.budgetEvent.findFirstOrThrow({
      where: { budgetId: draftId },
      orderBy: { id: "desc" },
    });
    expect(event).toMatchObject({ action: "edit.basic", actorId: user.id, version: v + 1, fromStatus: "DRAFT", toStatus: "DRAFT", comment: "修改基本支出" });
    const row = await t.db.budget.findUniqueOrThrow({ where: { id: draftId } });
    expect(row.updatedAt).toEqual(event.at);
    expect(Math.abs(event.at.getTime() - Date.now())).toBeLessThan(60_000);
    const expected = amountChanges(before, after, ["basicExpenditure"]);
    expect(expected.length).toBeGreaterThan(0);
    expect(eventChanges(event.changes)).toEqual(expected);
    // Back as it was, for the tests below.
    const restore = SECTIONS.basic.pick(budgetToPackage(before, { unit: "元" }));
    expect(await saveSection(t.db, user, { budgetId: draftId, expectedVersion: v + 1, section: "basic", values: restore })).toEqual({
      ok: true,
      version: v + 2,
    });
  });

  // The basic save compares the lines it deleted with those it inserted in SQL; amountChanges is
  // the one definition of the trail, and every kind of change must come out as it says.
  it("writes the basic save's trail as amountChanges: lines added, removed, changed, set to zero, added at zero, moved", async () => {
    const user = await sessionUser(t.db, "accountant.134");
    const before = (await loadBudgetById(t.db, draftId, {}))!;
    const stored = SECTIONS.basic.pick(budgetToPackage(before, { unit: "元" }));
    const lines = stored.basicExpenditure;
    expect(lines.length).toBeGreaterThanOrEqual(6);
    const key = (l: { function: string; economic: string; fund?: string }) => `basic/${l.function}/${l.economic}/${l.fund ?? "generalBudget"}`;
    const used = new Set(lines.map(key));
    const free = lines.flatMap((a) => lines.map((b) => ({ ...a, economic: b.economic }))).filter((l) => !used.has(key(l)));
    expect(free.length).toBeGreaterThanOrEqual(2);
    const [removed, zeroed, changed, moved, ...kept] = lines;
    const values = {
      basicExpenditure: [
        ...kept,
        { ...zeroed!, amount: "0.00" },
        { ...changed!, amount: (Number(changed!.amount) + 0.01).toFixed(2) },
        { ...moved!, subUnit: "134001" }, // the same amount under the unit's own sub-unit: no change
        { ...free[0]!, amount: "0.00" },
        { ...free[1]!, amount: "777.77" },
      ],
    };
    const v = await version(draftId);
    expect(await saveSection(t.db, user, { budgetId: draftId, expectedVersion: v, section: "basic", values })).toEqual({ ok: true, version: v + 1 });
    const after = (await loadBudgetById(t.db, draftId, {}))!;
    const event = await t.db.budgetEvent.findFirstOrThrow({ where: { budgetId: draftId }, orderBy: { id: "desc" } });
    const expected = amountChanges(before, after, ["basicExpenditure"]);
    expect(expected.map((c) => c.key).sort()).toEqual([key(removed!), key(zeroed!), key(changed!), key(free[1]!)].sort());
    expect(eventChanges(event.changes)).toEqual(expected);
    // And back, the reverse of each.
    expect(await saveSection(t.db, user, { budgetId: draftId, expectedVersion: v + 1, section: "basic", values: stored })).toEqual({
      ok: true,
      version: v + 2,
    });
    const back = await t.db.budgetEvent.findFirstOrThrow({ where: { budgetId: draftId }, orderBy: { id: "desc" } });
    expect(eventChanges(back.changes)).toEqual(amountChanges(after, (await loadBudgetById(t.db, draftId, {}))!, ["basicExpenditure"]));
  });

  it("gives exactly one of two concurrent basic saves; the loser writes no line and no trail row", async () => {
    const user = await sessionUser(t.db, "accountant.134");
    const base = SECTIONS.basic.pick(await workingPkg(draftId));
    const v = await version(draftId);
    const events = await t.db.budgetEvent.count({ where: { budgetId: draftId } });
    const variant = (amount: string) => ({ basicExpenditure: base.basicExpenditure.map((l, i) => (i === 0 ? { ...l, amount } : l)) });
    const results = await Promise.all(
      ["1111.00", "2222.00"].map((amount) => saveSection(t.db, user, { budgetId: draftId, expectedVersion: v, section: "basic", values: variant(amount) })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, code: "conflict", currentVersion: v + 1 });
    const winner = results[0]!.ok ? "1111.00" : "2222.00";
    expect(SECTIONS.basic.pick(await workingPkg(draftId))).toEqual(variant(winner));
    expect(await version(draftId)).toBe(v + 1);
    expect(await t.db.budgetEvent.count({ where: { budgetId: draftId } })).toBe(events + 1);
    const event = await t.db.budgetEvent.findFirstOrThrow({ where: { budgetId: draftId }, orderBy: { id: "desc" } });
    expect(eventChanges(event.changes).map((c) => c.newValue)).toEqual([winner]);
    expect(await saveSection(t.db, user, { budgetId: draftId, expectedVersion: v + 1, section: "basic", values: base })).toEqual({ ok: true, version: v + 2 });
  });

  // The basic save does not read its lines: its statement compares them with the stored ones, and
  // only a version that moved makes the save read them, to merge or to report the conflict.
  it("the basic save's statement tells the stored lines from a change: order, sub-unit and the form of an amount", async () => {
    const user = await sessionUser(t.db, "accountant.134");
    const stored = SECTIONS.basic.pick(await workingPkg(draftId));
    const lines = stored.basicExpenditure;
    const v = await version(draftId);
    const save = (values: typeof stored, expectedVersion: number, base?: typeof stored) =>
      saveSection(t.db, user, { budgetId: draftId, expectedVersion, section: "basic", values, ...(base ? { base } : {}) });
    // The same amounts written another way ("1200" for "1200.00") are the stored lines.
    const reformatted = { basicExpenditure: lines.map((l) => ({ ...l, amount: String(Number(l.amount)) })) };
    expect(reformatted.basicExpenditure.some((l, i) => l.amount !== lines[i]!.amount)).toBe(true);
    expect(await save(reformatted, v)).toEqual({ ok: true, version: v, unchanged: true });
    // Two lines swapped: the same amounts, another order — saved.
    const swapped = { basicExpenditure: [lines[1]!, lines[0]!, ...lines.slice(2)] };
    expect(await save(swapped, v)).toEqual({ ok: true, version: v + 1 });
    // One line under another sub-unit — saved.
    const moved = { basicExpenditure: swapped.basicExpenditure.map((l, i) => (i === 0 ? { ...l, subUnit: l.subUnit ? undefined : "134001" } : l)) };
    expect(await save(moved, v + 1)).toEqual({ ok: true, version: v + 2 });
    // From a window still at version v: the section changed since, so it is a conflict carrying the stored lines …
    expect(await save(stored, v, stored)).toMatchObject({ ok: false, code: "conflict", currentVersion: v + 2, theirs: moved });
    // … and once another section alone moved the version, the same window's save merges over it.
    const income = SECTIONS.income.pick(await workingPkg(draftId));
    expect(await saveSection(t.db, user, { budgetId: draftId, expectedVersion: v + 2, section: "income", values: { ...income, other: "12.00" } })).toEqual({
      ok: true,
      version: v + 3,
    });
    expect(await save(stored, v + 2, moved)).toEqual({ ok: true, version: v + 4 });
    expect(SECTIONS.basic.pick(await workingPkg(draftId))).toEqual(stored);
    expect(await saveSection(t.db, user, { budgetId: draftId, expectedVersion: v + 4, section: "income", values: income })).toMatchObject({ ok: true });
  });

  it("refuses an empty amount instead of saving it as 0.00, naming the row from 1", async () => {
    const user = await sessionUser(t.db, "accountant.134");
    const values = SECTIONS.basic.pick(await workingPkg(draftId));
    values.basicExpenditure[2]!.amount = "";
    const result = await saveSection(t.db, user, { budgetId: draftId, expectedVersion: await version(draftId), section: "basic", values });
    expect(result).toMatchObject({
      ok: false,
      code: "invalid",
      errors: [{ path: "basicExpenditure[2].amount", field: "basicExpenditure.2.amount", message: expect.stringContaining("基本支出 第 3 行 金额") }],
    });
  });

  it("refuses another department's budget as not found, and a submitted budget as not editable", async () => {
    const other = await sessionUser(t.db, "accountant.104");
    const values = SECTIONS.income.pick(await workingPkg(draftId));
    expect(await saveSection(t.db, other, { budgetId: draftId, expectedVersion: await version(draftId), section: "income", values })).toMatchObject({
      ok: false,
      code: "refused",
      message: "未找到该预算",
    });
    const reviewer = await sessionUser(t.db, "reviewer.500109");
    expect(await saveSection(t.db, reviewer, { budgetId: draftId, expectedVersion: 1, section: "income", values })).toMatchObject({
      ok: false,
      code: "refused",
    });
    const submittedId = await budgetIdOf(t.db, "111", 2024);
    const own = await sessionUser(t.db, "accountant.111");
    const submitted = SECTIONS.income.pick(await workingPkg(submittedId));
    expect(
      await saveSection(t.db, own, { budgetId: submittedId, expectedVersion: await version(submittedId), section: "income", values: submitted }),
    ).toMatchObject({
      ok: false,
      code: "refused",
      message: expect.stringMatching(/不能修改/),
    });
  });
});

describe("a save reads, validates and diffs only its section", () => {
  it("records only the section's amounts and is not refused for another section's stored content", async () => {
    const user = await sessionUser(t.db, "accountant.134");
    // A stored basic line the catalogue does not know (written out of band): a whole-budget
    // validation would refuse every save of this budget because of it; a section save does not read it.
    const line = await t.db.basicLine.findFirstOrThrow({ where: { budgetId: draftId }, orderBy: { position: "asc" } });
    await t.db.basicLine.update({ where: { id: line.id }, data: { functionCode: "2999999" } });
    const values = SECTIONS.income.pick(await workingPkg(draftId));
    values.other = "777.00";
    const v = await version(draftId);
    const result = await saveSection(t.db, user, { budgetId: draftId, expectedVersion: v, section: "income", values });
    expect(result).toEqual({ ok: true, version: v + 1 });
    const event = await t.db.budgetEvent.findFirstOrThrow({ where: { budgetId: draftId }, orderBy: { id: "desc" } });
    expect(eventChanges(event.changes).map((c) => c.key)).toEqual(["income/other"]);
    // The basic section itself is validated when it is saved.
    const basic = SECTIONS.basic.pick(await workingPkg(draftId));
    const refused = await saveSection(t.db, user, { budgetId: draftId, expectedVersion: v + 1, section: "basic", values: basic });
    expect(refused).toMatchObject({ ok: false, code: "invalid" });
    await t.db.basicLine.update({ where: { id: line.id }, data: { functionCode: line.functionCode } });
  });

  it("still checks what a section refers to in another: a project names a sub-unit of the unit section", async () => {
    const user = await sessionUser(t.db, "accountant.134");
    const pkg = await workingPkg(draftId);
    const v = await version(draftId);
    const unit = SECTIONS.unit.pick(pkg);
    const withoutSubUnits = { ...unit, subUnits: [] };
    const removed = await saveSection(t.db, user, { budgetId: draftId, expectedVersion: v, section: "unit", values: withoutSubUnits });
    expect(removed).toMatchObject({ ok: false, code: "invalid" });
    const projects = SECTIONS.projects.pick(pkg);
    const unknown = { projects: projects.projects.map((p, i) => (i === 0 ? { ...p, subUnit: "999999" } : p)) };
    const named = await saveSection(t.db, user, { budgetId: draftId, expectedVersion: v, section: "projects", values: unknown });
    expect(named).toMatchObject({ ok: false, code: "invalid" });
    expect(await version(draftId)).toBe(v);
  });
});

describe("starting next year's budget", () => {
  it("carries the department, lines and projects over and fills the prior year from this one", async () => {
    const user = await sessionUser(t.db, "accountant.111");
    const from = await budgetIdOf(t.db, "111", 2024);
    const result = await startNextYear(t.db, user, { fromBudgetId: from });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const last = await workingPkg(from);
    const next = await workingPkg(result.budgetId);
    expect(next.year).toBe(2025);
    expect(next.basicExpenditure).toEqual(last.basicExpenditure);
    expect(next.projects).toEqual(last.projects);
    expect(next.narrative).toEqual({ threePublic: {} });
    expect(next.priorYear?.basic).toBe("7012500.00");
    expect(next.priorYear?.project).toBe("1720000.00");
    expect((await t.db.budget.findUniqueOrThrow({ where: { id: result.budgetId } })).status).toBe("DRAFT");
    expect(await startNextYear(t.db, user, { fromBudgetId: from })).toMatchObject({ ok: false, message: "2025 年预算已存在" });
  });
});

describe("importing a package into a draft", () => {
  it("previews, then merges or replaces, and refuses another department's package", async () => {
    const user = await sessionUser(t.db, "accountant.134");
    const fixture = fixturePackages().find((f) => f.name.includes("government-services-2023"))!;
    const pkg = JSON.parse(fixture.text);
    pkg.basicExpenditure[0].amount = "70.00";
    pkg.projects = [];
    const text = JSON.stringify(pkg);
    const v = await version(draftId);
    const preview = await importIntoBudget(t.db, user, { budgetId: draftId, expectedVersion: v, text, mode: "merge", apply: false });
    expect(preview.ok && !preview.applied).toBe(true);
    if (!preview.ok) return;
    expect(preview.changes.find((c) => c.section === "基本支出")).toMatchObject({ changed: 1, added: 0, removed: 0 });
    // Merge keeps the project the file does not list.
    expect(preview.changes.find((c) => c.section === "项目支出")).toMatchObject({ removed: 0 });
    expect(await version(draftId)).toBe(v);

    const replaced = await importIntoBudget(t.db, user, { budgetId: draftId, expectedVersion: v, text, mode: "replace", apply: true });
    expect(replaced).toMatchObject({ ok: true, applied: true, version: v + 1 });
    expect(await t.db.project.count({ where: { budgetId: draftId } })).toBe(0);

    const foreign = fixturePackages().find((f) => f.name.includes("government-office-2024"))!;
    const refused = await importIntoBudget(t.db, user, { budgetId: draftId, expectedVersion: v + 1, text: foreign.text, mode: "merge", apply: true });
    expect(refused.ok).toBe(false);
    expect(await version(draftId)).toBe(v + 1);
  });
});
