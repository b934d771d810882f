import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFinalWorkbook } from "@/lib/workflow/import-final-workbook";
import { loadFinalById } from "@/lib/db/finals/read-final";
import { seedDemo } from "@/lib/db/seed-demo";
import { writeFinalWorkbook } from "@/lib/workbook/write-final-workbook";
import { freshDatabase, type TestDatabase } from "../helpers/database";
import { sessionUser } from "../helpers/users";

let t: TestDatabase;
let finalId: number; // 134's 2023 决算, 编制中
beforeAll(async () => {
  t = await freshDatabase();
  await seedDemo(t.db, () => undefined);
  finalId = (await t.db.budget.findFirstOrThrow({ where: { year: 2023, kind: "final", department: { code: "134" } } })).id;
});
afterAll(async () => t.drop());

const stored = async () => (await loadFinalById(t.db, finalId, {}))!;

async function workbook(change?: (wb: ExcelJS.Workbook) => void) {
  const final = await stored();
  const buffer = await writeFinalWorkbook(final.pkg, { stamp: { budgetId: final.id, version: final.version } });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  change?.(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("importing a 决算's entry workbook into its draft", () => {
  it("previews a changed 决算数 without storing it, then applies it in one version", async () => {
    const user = await sessionUser(t.db, "accountant.134");
    const data = await workbook((wb) => {
      wb.getWorksheet("基本支出")!.getCell("H2").value = 123456.78;
    });
    const { version } = await stored();
    const preview = await importFinalWorkbook(t.db, user, { budgetId: finalId, expectedVersion: version, data, apply: false });
    expect(preview).toMatchObject({ ok: true, applied: false, changes: [expect.objectContaining({ path: "basicExpenditure[0].actual", after: "123456.78" })] });
    expect((await stored()).version).toBe(version);
    const applied = await importFinalWorkbook(t.db, user, { budgetId: finalId, expectedVersion: version, data, apply: true });
    expect(applied).toMatchObject({ ok: true, applied: true, version: version + 1 });
    expect((await stored()).pkg.basicExpenditure![0]!.actual).toBe("123456.78");
  });

  it("refuses a stale workbook, a text amount at its cell, and another department", async () => {
    const user = await sessionUser(t.db, "accountant.134");
    const final = await stored();
    const stale = new Uint8Array(await writeFinalWorkbook(final.pkg, { stamp: { budgetId: final.id, version: final.version - 1 } }));
    expect(await importFinalWorkbook(t.db, user, { budgetId: finalId, expectedVersion: final.version, data: stale, apply: true })).toMatchObject({
      ok: false,
      errors: [{ message: expect.stringContaining("决算此后已修改") }],
    });
    const text = await workbook((wb) => {
      wb.getWorksheet("基本支出")!.getCell("H3").value = "一百";
    });
    const bad = await importFinalWorkbook(t.db, user, { budgetId: finalId, expectedVersion: final.version, data: text, apply: true });
    expect(bad).toMatchObject({ ok: false, errors: [expect.objectContaining({ cell: "基本支出!H3" })] });
    const other = await sessionUser(t.db, "accountant.111");
    expect(await importFinalWorkbook(t.db, other, { budgetId: finalId, expectedVersion: final.version, data: await workbook(), apply: true })).toMatchObject({
      ok: false,
      errors: [{ message: "未找到该决算" }],
    });
    expect((await stored()).version).toBe(final.version);
  });
});
