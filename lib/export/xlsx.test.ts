import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { buildTables } from "@/lib/budget/tables";
import { loadFixtures } from "@/test/support/budget/fixtures";
import type { DisclosureTables } from "@/lib/budget/tables/types";
import { tableLayouts } from "@/lib/public/layout";
import { neutralizeFormula } from "./neutralize-formula";
import { AMOUNT_FORMAT, sheetName, writeDisclosureWorkbook } from "./xlsx";

const fixtures = loadFixtures();
const office = fixtures.find((f) => f.name === "beibei-government-office-2024")!;

async function read(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

describe("neutralizeFormula", () => {
  it.each(["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx", '=HYPERLINK("http://evil","x")'])("prefixes %j", (s) => {
    expect(neutralizeFormula(s)).toBe(`'${s}`);
  });
  it.each(["行政运行", "2010301", "", " =not at start", "1-2"])("leaves %j alone", (s) => {
    expect(neutralizeFormula(s)).toBe(s);
  });
});

describe("writeDisclosureWorkbook", () => {
  it("writes one sheet per table with the titles and merged headers of the layout", async () => {
    const tables = buildTables(office.budget, office.catalog);
    const wb = await read(await writeDisclosureWorkbook(tables));
    expect(wb.worksheets.map((w) => w.name)).toEqual(tableLayouts(tables).map((g) => `${g.key} ${g.shortTitle}`));
    const t1 = wb.worksheets[0]!;
    expect(t1.getCell("A1").value).toBe("重庆市北碚区人民政府办公室财政拨款收支总表");
    expect(t1.getCell("A2").value).toBe("单位：万元");
    expect(t1.getCell("A3").value).toBe("2024年收入");
    expect(t1.getCell("B3").master.address).toBe("A3");
    expect(t1.getCell("C3").value).toBe("2024年支出");
    expect(t1.getCell("G3").master.address).toBe("C3");
  });

  it("stores amounts as numbers with a two-decimal format that leaves zero empty", async () => {
    const tables = buildTables(office.budget, office.catalog);
    const wb = await read(await writeDisclosureWorkbook(tables));
    const t2 = wb.getWorksheet("T2 一般公共预算财政拨款支出预算表")!;
    expect(t2.getCell("A5").value).toBe("合计");
    expect(t2.getCell("D5").value).toBe(2514.61);
    expect(t2.getCell("D5").numFmt).toBe(AMOUNT_FORMAT);
    // 2010302 has no basic expenditure: the number 0, shown empty by the format.
    const rows = t2.getSheetValues();
    const r2010302 = rows.findIndex((r) => Array.isArray(r) && r[1] === "2010302");
    expect(t2.getCell(r2010302, 5).value).toBe(0);
    expect(t2.getCell(r2010302, 6).value).toBe(768.4);
    // Codes stay text (leading digits, no number conversion).
    expect(t2.getCell(r2010302, 1).type).toBe(ExcelJS.ValueType.String);
    // Every amount cell in every sheet holds a number.
    for (const ws of wb.worksheets)
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.numFmt === AMOUNT_FORMAT) expect(typeof cell.value).toBe("number");
        }),
      );
  });

  it("writes hostile text as inert text, never as a formula", async () => {
    const base = buildTables(office.budget, office.catalog);
    const tables: DisclosureTables = structuredClone(base);
    tables.unit.name = "=cmd|' /C calc'!A0";
    tables.T10!.goal = '+HYPERLINK("http://evil.example","点击")';
    tables.T11![0]!.project.name = "@SUM(1+1)";
    tables.T11![0]!.indicators[0]!.name = "-1+1";
    tables.T8!.rows[0]!.name = "\t=1+1";
    const wb = await read(await writeDisclosureWorkbook(tables));
    const texts: string[] = [];
    for (const ws of wb.worksheets)
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          expect(cell.formula).toBeUndefined();
          if (typeof cell.value === "string") texts.push(cell.value);
        }),
      );
    // Text cells, shown as typed: a text cell is never evaluated, so no apostrophe is needed.
    expect(texts).toContain("=cmd|' /C calc'!A0一般公共预算财政拨款支出预算表");
    expect(texts).toContain('+HYPERLINK("http://evil.example","点击")');
    expect(texts).toContain("-1+1");
    expect(texts.some((t) => t.includes("@SUM(1+1)"))).toBe(true);
    expect(texts).toContain("\t=1+1");
    expect(texts.some((t) => t.startsWith("'"))).toBe(false);
  });

  it('shows an indicator\'s operator "=" as the sign itself, in a text cell (issue 13)', async () => {
    const tables: DisclosureTables = structuredClone(buildTables(office.budget, office.catalog));
    const t11 = tables.T11!.find((p) => p.indicators.length > 0)!;
    t11.indicators[0]!.operator = "=";
    t11.indicators[1 % t11.indicators.length]!.operator = ">=";
    const wb = await read(await writeDisclosureWorkbook(tables));
    const cells: ExcelJS.Cell[] = [];
    for (const ws of wb.worksheets.filter((w) => w.name.startsWith("T11-"))) ws.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
    const signs = cells.filter((c) => c.value === "=" || c.value === "≥");
    expect(signs.map((c) => c.value)).toEqual(expect.arrayContaining(["=", "≥"]));
    for (const c of signs) expect(c.type).toBe(ExcelJS.ValueType.String);
    expect(cells.some((c) => c.value === "'=")).toBe(false);
  });

  it("writes every fixture's tables (one sheet per T11 entry)", async () => {
    for (const f of fixtures) {
      const tables = buildTables(f.budget, f.catalog);
      const wb = await read(await writeDisclosureWorkbook(tables));
      expect(wb.worksheets.length).toBe(tableLayouts(tables).length);
      expect(wb.worksheets.filter((w) => w.name.startsWith("T11-")).length).toBe(tables.T11?.length ?? 0);
    }
  });
});

describe("sheetName", () => {
  it("keeps names within Excel's 31 characters, without forbidden characters, unique", () => {
    const used = new Set<string>();
    const g = { key: "T11-1", shortTitle: "很长的标题/带[非法]字符:*?\\".repeat(3) } as Parameters<typeof sheetName>[0];
    const a = sheetName(g, used);
    const b = sheetName(g, used);
    expect(a.length).toBeLessThanOrEqual(31);
    expect(a).not.toMatch(/[[\]:*?/\\]/);
    expect(b).not.toBe(a);
    expect(b.length).toBeLessThanOrEqual(31);
  });
});
