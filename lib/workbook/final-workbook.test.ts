import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { packageToFinal } from "@/lib/final/model";
import { loadFinalFixtures } from "@/test/support/final/fixtures";
import { readEntryWorkbook } from "./read-entry-workbook";
import { readFinalWorkbook } from "./read-final-workbook";
import { writeEntryWorkbook } from "./write-entry-workbook";
import { writeFinalWorkbook } from "./write-final-workbook";
import { loadFixtures } from "@/test/support/budget/fixtures";

const fixtures = loadFinalFixtures();

async function edit(buffer: Buffer, change: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  change(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("决算 entry workbook", () => {
  it.each(fixtures.map((f) => [f.name, f] as const))("%s → workbook → package is the same 决算", async (_name, f) => {
    const buffer = await writeFinalWorkbook(f.pkg, { stamp: { budgetId: 9, version: 2 }, catalog: f.catalog });
    const read = await readFinalWorkbook(buffer);
    if (!read.ok) throw new Error(read.errors.map((e) => e.message).join("\n"));
    expect(packageToFinal(read.pkg)).toEqual(f.final);
    expect(read.stamp).toMatchObject({ kind: "final", budgetId: 9, version: 2, year: f.pkg.year, unit: f.pkg.unit.code });
  });

  it("names sheet, cell and field of a text amount and a negative amount, and returns no package", async () => {
    const f = fixtures[0]!;
    const buffer = await writeFinalWorkbook(f.pkg, { stamp: { budgetId: 9, version: 2 }, catalog: f.catalog });
    const broken = await edit(buffer, (wb) => {
      const ws = wb.getWorksheet("基本支出")!;
      ws.getCell("H2").value = "五百";
      ws.getCell("H3").value = -1;
    });
    const read = await readFinalWorkbook(broken);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors.map((e) => e.cell).sort()).toEqual(["基本支出!H2", "基本支出!H3"]);
    expect(read.errors.map((e) => e.message).join("\n")).toContain("决算数");
  });

  it("a budget's workbook is not a 决算's, nor the other way round", async () => {
    const f = fixtures[0]!;
    const budget = loadFixtures()[0]!;
    const ofBudget = await readFinalWorkbook(await writeEntryWorkbook(budget.pkg, { stamp: { budgetId: 1, version: 1 } }));
    expect(ofBudget).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining("预算的录入工作簿") }] });
    const ofFinal = await readEntryWorkbook(await writeFinalWorkbook(f.pkg, { stamp: { budgetId: 1, version: 1 } }));
    expect(ofFinal).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining("决算的录入工作簿") }] });
  });
});
