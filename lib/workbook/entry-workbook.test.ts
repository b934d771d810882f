import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { packageToBudget } from "@/lib/budget/package/to-budget";
import { budgetToPackage } from "@/lib/budget/package/from-budget";
import { loadFixtures } from "@/test/support/budget/fixtures";
import { readEntryWorkbook } from "./read-entry-workbook";
import { blankPackage, writeEntryWorkbook } from "./write-entry-workbook";

const fixtures = loadFixtures();
const canonical = (pkg: Parameters<typeof packageToBudget>[0]) => budgetToPackage(packageToBudget(pkg), { unit: "元" });

async function edit(buffer: Buffer, change: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  change(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("entry workbook", () => {
  it.each(fixtures.map((f) => [f.name, f] as const))("%s → workbook → package equals the package", async (_name, f) => {
    const buffer = await writeEntryWorkbook(f.pkg, { stamp: { budgetId: 7, version: 3 }, catalog: f.catalog });
    const read = await readEntryWorkbook(buffer, { catalogFor: () => f.catalog });
    if (!read.ok) throw new Error(read.errors.map((e) => e.message).join("\n"));
    expect(read.pkg).toEqual(canonical(f.pkg));
    expect(read.stamp).toMatchObject({ budgetId: 7, version: 3, year: f.pkg.year, region: f.pkg.region.code, unit: f.pkg.unit.code });
  });

  it("names sheet, cell and field of a text amount, a negative amount and a wrong code, and returns no package", async () => {
    const f = fixtures.find((x) => (x.pkg.basicExpenditure?.length ?? 0) >= 3)!;
    const buffer = await writeEntryWorkbook(f.pkg, { stamp: { budgetId: 1, version: 1 }, catalog: f.catalog });
    const broken = await edit(buffer, (wb) => {
      const ws = wb.getWorksheet("基本支出")!;
      ws.getCell("E2").value = "一千二百";
      ws.getCell("E3").value = -5;
      ws.getCell("A4").value = "2999998";
    });
    const read = await readEntryWorkbook(broken, { catalogFor: () => f.catalog });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    const cells = read.errors.map((e) => e.cell);
    expect(cells).toEqual(expect.arrayContaining(["基本支出!E2", "基本支出!E3", "基本支出!A4"]));
    expect(read.errors).toHaveLength(3);
    const text = read.errors.map((e) => e.message).join("\n");
    expect(text).toContain("基本支出!E2（金额（元））：金额应填数字（元），不能是文本“一千二百”");
    expect(text).toContain("基本支出!E3（金额（元））：金额不能为负数");
    expect(text).toContain("基本支出!A4（功能分类科目编码）：");
    expect(text).toContain("2999998");
  });

  it("reports an indicator's problem at its own row and an indicator of an unknown project", async () => {
    const f = fixtures.find((x) => x.pkg.projects?.some((p) => (p.indicators?.length ?? 0) > 0))!;
    const buffer = await writeEntryWorkbook(f.pkg, { stamp: { budgetId: 1, version: 1 }, catalog: f.catalog });
    const broken = await edit(buffer, (wb) => {
      const ws = wb.getWorksheet("绩效指标")!;
      ws.getCell("H2").value = "很多";
      ws.getCell("F3").value = "约等于";
      ws.getCell("A4").value = "NO-SUCH";
      const p = wb.getWorksheet("项目")!;
      p.getCell("J2").value = "abc";
    });
    const read = await readEntryWorkbook(broken);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    const cells = read.errors.map((e) => e.cell ?? e.message);
    expect(cells).toEqual(expect.arrayContaining(["绩效指标!H2", "绩效指标!F3", "项目!J2"]));
    expect(read.errors.map((e) => e.message).join("\n")).toContain("绩效指标!A4（项目编码）：“项目”表中没有编码为 NO-SUCH 的项目");
  });

  it("adds a line written in a new row and reads formulas' results", async () => {
    const f = fixtures[0]!;
    const buffer = await writeEntryWorkbook(f.pkg, { stamp: { budgetId: 1, version: 1 }, catalog: f.catalog });
    const n = f.pkg.basicExpenditure!.length;
    const first = f.pkg.basicExpenditure![0]!;
    const edited = await edit(buffer, (wb) => {
      const ws = wb.getWorksheet("基本支出")!;
      const row = ws.getRow(n + 2);
      row.getCell(1).value = first.function;
      row.getCell(3).value = "30299";
      row.getCell(5).value = { formula: "1000.1+0.2", result: 1000.3000000000001 } as ExcelJS.CellFormulaValue;
      row.getCell(6).value = "事业收入";
    });
    const read = await readEntryWorkbook(edited, { catalogFor: () => f.catalog });
    if (!read.ok) throw new Error(read.errors.map((e) => e.message).join("\n"));
    expect(read.pkg.basicExpenditure).toHaveLength(n + 1);
    expect(read.pkg.basicExpenditure![n]).toEqual({ function: first.function, economic: "30299", amount: "1000.30", fund: "operations" });
  });

  it("refuses a file that is not a workbook, and a workbook without the stamp", async () => {
    const notXlsx = await readEntryWorkbook(Buffer.from("hello"));
    expect(notXlsx).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining("不是有效的 Excel 工作簿") }] });
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("基本支出");
    const foreign = await readEntryWorkbook(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(foreign).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining("不是明账的录入工作簿") }] });
  });

  it("writes a blank template that reads back as an empty budget of the unit", async () => {
    const f = fixtures[0]!;
    const pkg = blankPackage({ year: f.pkg.year, region: f.pkg.region, unit: f.pkg.unit });
    const buffer = await writeEntryWorkbook(pkg, { stamp: { budgetId: null, version: null }, catalog: f.catalog });
    const read = await readEntryWorkbook(buffer, { catalogFor: () => f.catalog });
    if (!read.ok) throw new Error(read.errors.map((e) => e.message).join("\n"));
    expect(read.stamp).toMatchObject({ budgetId: null, version: null });
    expect(read.pkg.basicExpenditure).toEqual([]);
    expect(read.pkg.unit.subUnits).toEqual(f.pkg.unit.subUnits);
    expect(read.pkg.priorYear).toBeUndefined();
  });
});
