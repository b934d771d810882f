import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { buildTables } from "@/lib/budget/tables";
import { loadFixtures } from "@/test/support/budget/fixtures";
import { writeDisclosureWorkbook } from "@/lib/export/xlsx";
import { priorYearFromDisclosureWorkbook } from "./read-disclosure-workbook";

const yuan = (wan: string) => new Decimal(wan).times(10_000).toFixed(2);

describe("上年 from last year's published disclosure workbook", () => {
  it.each(loadFixtures().map((f) => [f.name, f] as const))("%s: the workbook 明账 publishes gives back its own figures as 上年", async (_n, f) => {
    const tables = buildTables(f.budget, f.catalog);
    const read = await priorYearFromDisclosureWorkbook(await writeDisclosureWorkbook(tables));
    if (!read.ok) throw new Error(read.errors.map((e) => e.message).join("\n"));
    expect(read.year).toBe(f.budget.year);
    const p = read.priorYear;
    expect(p.basic).toBe(yuan(tables.T2!.total.basic));
    expect(p.project).toBe(yuan(tables.T2!.total.project));
    expect(p.operatingFunds).toBe(yuan(tables.T3!.total.public));
    expect(p.threePublic).toEqual({
      abroad: yuan(tables.T4!.current.abroad),
      vehiclePurchase: yuan(tables.T4!.current.vehiclePurchase),
      vehicleOperation: yuan(tables.T4!.current.vehicleOperation),
      reception: yuan(tables.T4!.current.reception),
    });
    const items = tables.T2!.rows.filter((r) => r.code.length === 7);
    expect(p.expenditureByFunction).toEqual(Object.fromEntries(items.map((r) => [r.code, yuan(r.total)])));
  });

  it("refuses a workbook without the tables it needs", async () => {
    const read = await priorYearFromDisclosureWorkbook(Buffer.from("not a workbook"));
    expect(read).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining("不是有效的 Excel") }] });
  });
});
