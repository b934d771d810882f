import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTables } from "@/lib/budget/tables";
import { budgetToPackage } from "@/lib/budget/package/from-budget";
import { importPriorYearWorkbook } from "@/lib/workflow/import-prior-year-workbook";
import { loadBudgetById } from "@/lib/db/budgets/export-package";
import { loadCatalog } from "@/lib/db/catalog-store";
import { seedDemo } from "@/lib/db/seed-demo";
import { writeDisclosureWorkbook } from "@/lib/export/xlsx";
import { freshDatabase, type TestDatabase } from "../helpers/database";
import { budgetIdOf, sessionUser } from "../helpers/users";

let t: TestDatabase;
let draftId: number; // 134 2023 编制中: no 2022 budget in 明账
let publishedId: number; // 104 2024 已公开
beforeAll(async () => {
  t = await freshDatabase();
  await seedDemo(t.db, () => undefined);
  draftId = await budgetIdOf(t.db, "134", 2023);
  publishedId = await budgetIdOf(t.db, "104", 2024);
});
afterAll(async () => t.drop());

const version = async (id: number) => (await t.db.budget.findUniqueOrThrow({ where: { id } })).version;

/** The disclosure workbook 明账 publishes, of the draft's own figures as if they were of `year`. */
async function disclosure(year: number) {
  const budget = (await loadBudgetById(t.db, draftId, {}))!;
  const catalog = (await loadCatalog(t.db, budget.year))!;
  const tables = buildTables({ ...budget, year }, catalog);
  return { tables, data: new Uint8Array(await writeDisclosureWorkbook(tables)) };
}

const yuan = (wan: string) => new Decimal(wan).times(10_000).toFixed(2);

describe("filling 上年 from last year's published disclosure workbook", () => {
  it("previews the figures without storing anything, then fills them in one version", async () => {
    const user = await sessionUser(t.db, "accountant.134");
    const { tables, data } = await disclosure(2022);
    const v = await version(draftId);
    const preview = await importPriorYearWorkbook(t.db, user, { budgetId: draftId, expectedVersion: v, data, apply: false });
    expect(preview).toMatchObject({ ok: true, applied: false, year: 2022 });
    if (!preview.ok) return;
    expect(preview.filled.basic).toBe(yuan(tables.T2!.total.basic));
    expect(preview.filled.operatingFunds).toBe(yuan(tables.T3!.total.public));
    expect(await version(draftId)).toBe(v);

    const applied = await importPriorYearWorkbook(t.db, user, { budgetId: draftId, expectedVersion: v, data, apply: true });
    expect(applied).toMatchObject({ ok: true, applied: true, version: v + 1 });
    const after = budgetToPackage((await loadBudgetById(t.db, draftId, {}))!, { unit: "元" });
    expect(after.priorYear).toEqual(preview.filled);
    const event = await t.db.budgetEvent.findFirst({ where: { budgetId: draftId }, orderBy: { id: "desc" } });
    expect(event?.comment).toContain("2022年公开的部门预算工作簿");
  });

  it("refuses the workbook of another year, a file that is not a workbook, and a stale version", async () => {
    const user = await sessionUser(t.db, "accountant.134");
    const v = await version(draftId);
    const wrongYear = await importPriorYearWorkbook(t.db, user, { budgetId: draftId, expectedVersion: v, data: (await disclosure(2021)).data, apply: false });
    expect(wrongYear).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining("应上传 2022 年公开的部门预算") }] });
    const junk = await importPriorYearWorkbook(t.db, user, { budgetId: draftId, expectedVersion: v, data: new TextEncoder().encode("x"), apply: false });
    expect(junk).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining("不是有效的 Excel") }] });
    const stale = await importPriorYearWorkbook(t.db, user, { budgetId: draftId, expectedVersion: v - 1, data: (await disclosure(2022)).data, apply: true });
    expect(stale).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining("保存冲突") }] });
    expect(await version(draftId)).toBe(v);
  });

  it("is for the accountant's own budget while it is editable", async () => {
    const { data } = await disclosure(2022);
    const other = await sessionUser(t.db, "accountant.111");
    expect(await importPriorYearWorkbook(t.db, other, { budgetId: draftId, expectedVersion: await version(draftId), data, apply: true })).toMatchObject({
      ok: false,
      errors: [{ message: "未找到该预算" }],
    });
    const owner = await sessionUser(t.db, "accountant.104");
    expect(await importPriorYearWorkbook(t.db, owner, { budgetId: publishedId, expectedVersion: await version(publishedId), data, apply: true })).toMatchObject(
      {
        ok: false,
        errors: [{ message: expect.stringContaining("当前状态不可修改") }],
      },
    );
  });
});
