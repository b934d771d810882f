import { describe, expect, it } from "vitest";
import Decimal from "decimal.js";
import { budgetToPackage } from "@/lib/budget/package/from-budget";
import { buildTables } from "@/lib/budget/tables";
import { loadFixtures } from "@/test/support/budget/fixtures";
import { CSV_COLUMNS, linesCsv } from "./lines-csv";

const office = loadFixtures().find((f) => f.name === "beibei-government-office-2024")!;

function csvFor(pkg: unknown) {
  const tables = buildTables(office.budget, office.catalog);
  return linesCsv([{ region: { code: "500109", name: "重庆市北碚区" }, year: 2024, unit: { code: "104", name: "区政府办公室" }, package: pkg, tables }]);
}

describe("linesCsv", () => {
  it("lists every basic and project line, summing exactly to the budget total", () => {
    const text = csvFor(budgetToPackage(office.budget));
    expect(text.startsWith("\uFEFF")).toBe(true);
    const [header, ...rows] = text.slice(1).trimEnd().split("\r\n");
    expect(header).toBe(CSV_COLUMNS.join(","));
    expect(rows.length).toBe(office.budget.basicExpenditure.length + office.budget.projects.length);
    const yuan = rows.reduce((s, r) => s.plus(r.split(",").at(-2)!), new Decimal(0));
    expect(yuan.toFixed(2)).toBe("25146100.00");
    const first = rows.find((r) => r.includes(",2010301,"))!;
    expect(first).toContain("行政运行");
  });

  it("reads packages in 元 as well as 万元", () => {
    const a = csvFor(budgetToPackage(office.budget));
    const b = csvFor(budgetToPackage(office.budget, { unit: "元" }));
    expect(b).toBe(a);
  });

  it("quotes and neutralises hostile text", () => {
    const pkg = budgetToPackage(office.budget);
    pkg.projects![0]!.name = '=HYPERLINK("x"),"y"';
    const text = csvFor(pkg);
    expect(text).toContain(`"'=HYPERLINK(""x""),""y"""`);
  });
});
