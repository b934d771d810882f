import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importWorkbookIntoBudget } from "@/lib/workflow/import-workbook";
import { loadBudgetById } from "@/lib/db/budgets/export-package";
import { loadCatalog } from "@/lib/db/catalog-store";
import { budgetToPackage } from "@/lib/budget/package/from-budget";
import { seedDemo } from "@/lib/db/seed-demo";
import { blankPackage, writeEntryWorkbook } from "@/lib/workbook/write-entry-workbook";
import { freshDatabase, type TestDatabase } from "../helpers/database";
import { budgetIdOf, sessionUser } from "../helpers/users";

let t: TestDatabase;
let draftId: number; // 134 2023 编制中
beforeAll(async () => {
  t = await freshDatabase();
  await seedDemo(t.db, () => undefined);
  draftId = await budgetIdOf(t.db, "134", 2023);
});
afterAll(async () => t.drop());

const row = (id: number) => t.db.budget.findUniqueOrThrow({ where: { id } });

async function entryWorkbook(id: number, change?: (wb: ExcelJS.Workbook) => void, stamp?: { budgetId: number | null; version: number | null }) {
  const budget = (await loadBudgetById(t.db, id, {}))!;
  const { version } = await row(id);
  const catalog = (await loadCatalog(t.db, budget.year))!;
  const buffer = await writeEntryWorkbook(budgetToPackage(budget, { unit: "元" }), { stamp: stamp ?? { budgetId: id, version }, catalog });
  if (!change) return new Uint8Array(buffer);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  change(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("importing an entry workbook into a draft", () => {
  it("previews, then applies, three changed amounts and a new basic line in one version", async () => {
    const user = await sessionUser(t.db, "accountant.134");
    const before = (await loadBudgetById(t.db, draftId, {}))!;
    const n = before.basicExpenditure.length;
    const data = await entryWorkbook(draftId, (wb) => {
      const ws = wb.getWorksheet("基本支出")!;
      ws.getCell("E2").value = 111111.11;
      ws.getCell("E3").value = 222222.22;
      ws.getCell("E4").value = 333333.33;
      const r = ws.getRow(n + 2);
      r.getCell(1).value = before.basicExpenditure[0]!.function;
      r.getCell(3).value = "30299";
      r.getCell(5).value = 4444;
      r.getCell(6).value = "一般公共预算拨款";
    });
    const { version } = await row(draftId);
    const preview = await importWorkbookIntoBudget(t.db, user, { budgetId: draftId, expectedVersion: version, data, mode: "replace", apply: false });
    expect(preview).toMatchObject({ ok: true, applied: false });
    if (!preview.ok) return;
    expect(preview.changes.find((c) => c.section === "基本支出")).toMatchObject({ added: 1, changed: 3, removed: 0 });
    expect((await row(draftId)).version).toBe(version);

    const applied = await importWorkbookIntoBudget(t.db, user, { budgetId: draftId, expectedVersion: version, data, mode: "replace", apply: true });
    expect(applied).toMatchObject({ ok: true, applied: true, version: version + 1 });
    const after = (await loadBudgetById(t.db, draftId, {}))!;
    expect(after.basicExpenditure).toHaveLength(n + 1);
    expect(after.basicExpenditure[0]!.amount.toFixed(2)).toBe("111111.11");
    expect(after.basicExpenditure[n]).toMatchObject({ economic: "30299", fund: "generalBudget" });
    expect(after.basicExpenditure[n]!.amount.toFixed(2)).toBe("4444.00");
  });

  it("refuses a wrong code, a text amount and a negative amount with three cell references, storing nothing", async () => {
    const user = await sessionUser(t.db, "accountant.134");
    const data = await entryWorkbook(draftId, (wb) => {
      const ws = wb.getWorksheet("基本支出")!;
      ws.getCell("A2").value = "2999998";
      ws.getCell("E3").value = "五百";
      ws.getCell("E4").value = -1;
    });
    const { version } = await row(draftId);
    const result = await importWorkbookIntoBudget(t.db, user, { budgetId: draftId, expectedVersion: version, data, mode: "replace", apply: true });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => (e as { cell?: string }).cell).sort()).toEqual(["基本支出!A2", "基本支出!E3", "基本支出!E4"]);
    expect((await row(draftId)).version).toBe(version);
  });

  it("refuses a workbook of an older version, of another budget and of another year, with the reason", async () => {
    const user = await sessionUser(t.db, "accountant.134");
    const { version } = await row(draftId);
    const old = await entryWorkbook(draftId, undefined, { budgetId: draftId, version: version - 1 });
    const r1 = await importWorkbookIntoBudget(t.db, user, { budgetId: draftId, expectedVersion: version, data: old, mode: "replace", apply: false });
    expect(r1).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining(`下载自第 ${version - 1} 版`) }] });

    const other = await entryWorkbook(draftId, undefined, { budgetId: draftId + 999, version });
    const r2 = await importWorkbookIntoBudget(t.db, user, { budgetId: draftId, expectedVersion: version, data: other, mode: "replace", apply: false });
    expect(r2).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining("另一本预算") }] });

    const budget = (await loadBudgetById(t.db, draftId, {}))!;
    const catalog = (await loadCatalog(t.db, budget.year))!;
    const nextYear = await writeEntryWorkbook(blankPackage({ ...budget, year: budget.year + 1 }), { stamp: { budgetId: null, version: null }, catalog });
    const r3 = await importWorkbookIntoBudget(t.db, user, {
      budgetId: draftId,
      expectedVersion: version,
      data: new Uint8Array(nextYear),
      mode: "merge",
      apply: false,
    });
    expect(r3).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining(`此工作簿是 ${budget.year + 1} 年的`) }] });
  });

  it("accepts a blank template of the department and year (merge keeps what it lacks)", async () => {
    const user = await sessionUser(t.db, "accountant.134");
    const budget = (await loadBudgetById(t.db, draftId, {}))!;
    const catalog = (await loadCatalog(t.db, budget.year))!;
    const blank = await writeEntryWorkbook(blankPackage(budget), { stamp: { budgetId: null, version: null }, catalog });
    const { version } = await row(draftId);
    const r = await importWorkbookIntoBudget(t.db, user, {
      budgetId: draftId,
      expectedVersion: version,
      data: new Uint8Array(blank),
      mode: "merge",
      apply: false,
    });
    expect(r).toMatchObject({ ok: true, applied: false });
  });

  it("is refused for a user of another department, as not found", async () => {
    const other = await t.db.user.findFirst({ where: { username: { startsWith: "accountant." }, NOT: { username: "accountant.134" } } });
    if (!other) return;
    const user = await sessionUser(t.db, other.username);
    const data = await entryWorkbook(draftId);
    const { version } = await row(draftId);
    const r = await importWorkbookIntoBudget(t.db, user, { budgetId: draftId, expectedVersion: version, data, mode: "replace", apply: true });
    expect(r).toMatchObject({ ok: false, errors: [{ message: "未找到该预算" }] });
  });
});
