import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/permissions";
import { buildTables } from "@/lib/budget/tables";
import { importCatalog, previewCatalogImport } from "@/lib/admin/import-catalog";
import { loadCatalog, loadCrosswalkEntries } from "@/lib/db/catalog-store";
import { importPackageText } from "@/lib/db/budgets/import-package";
import { loadForEngine } from "@/lib/db/budgets/load-for-engine";
import { saveSection } from "@/lib/workflow/save-section";
import { loadBudgetById } from "@/lib/db/budgets/export-package";
import { budgetToPackage } from "@/lib/budget/package/from-budget";
import { SECTIONS } from "@/lib/workspace/sections";
import { seedDemo } from "@/lib/db/seed-demo";
import { missingCatalogueCodes } from "@/lib/admin/missing-codes";
import { loadShippedYear } from "@/lib/db/prepare";
import { freshDatabase, type TestDatabase } from "../helpers/database";
import { fixturePackages } from "../helpers/fixtures";
import { sessionUser } from "../helpers/users";
import { deleteAt, getAt, setAt, type JsonObject } from "@/test/support/json-edit";

let t: TestDatabase;
let admin: SessionUser;

beforeAll(async () => {
  t = await freshDatabase();
  await seedDemo(t.db, () => undefined);
  admin = await sessionUser(t.db, "admin");
});
afterAll(async () => t.drop());

/** The 2024 信访办 package as another department of the district (the demo already has 信访办 2024). */
function petitionPackage(unitCode: string, change?: (pkg: JsonObject) => void): string {
  const pkg = JSON.parse(fixturePackages().find((f) => f.name === "beibei-petition-office-2024")!.text);
  pkg.unit.code = unitCode;
  pkg.unit.name = `测试单位${unitCode}`;
  change?.(pkg);
  return JSON.stringify(pkg);
}

describe("each year's shipped catalogue and the 2023→2024 crosswalk in the database", () => {
  it("2023 has 2010308 信访事务, 2024 has 款 20140 instead, and the crosswalk splits 2010308 into three", async () => {
    const c2023 = (await loadCatalog(t.db, 2023))!;
    const c2024 = (await loadCatalog(t.db, 2024))!;
    expect(c2023.functions.get("2010308")?.name).toBe("信访事务");
    expect(c2023.functions.has("20140")).toBe(false);
    expect(c2024.functions.has("2010308")).toBe(false);
    expect(c2024.functions.get("2014004")?.name).toBe("信访业务");
    expect(c2024.previous?.year).toBe(2023);
    expect((await loadCrosswalkEntries(t.db, 2023, 2024)).filter((e) => e.fromCode === "2010308").map((e) => e.toCode)).toEqual([
      "2014001",
      "2014003",
      "2014004",
    ]);
    // A split does not move money: which part was last year's is unknown.
    expect(c2024.previous?.successors["2010308"]).toBeUndefined();
  });
});

describe("loading the shipped data at start", () => {
  it("does nothing while data/catalogues is unchanged, and adds what a changed file brings without renaming", async () => {
    const log: string[] = [];
    await loadShippedYear(t.db, 2025, (l) => log.push(l));
    expect(log).toEqual([]);
    // As if 2210201 were new in the shipped files, and an administrator had renamed 2210202.
    await t.db.functionSubject.delete({ where: { year_code: { year: 2025, code: "2210201" } } });
    await t.db.functionSubject.update({ where: { year_code: { year: 2025, code: "2210202" } }, data: { name: "提租补贴（官方名称）" } });
    await t.db.catalogRevision.update({ where: { year: 2025 }, data: { shippedDigest: "older" } });
    await loadShippedYear(t.db, 2025, (l) => log.push(l));
    expect(log).toEqual([expect.stringContaining("更新 2025 年科目目录")]);
    const catalog = (await loadCatalog(t.db, 2025))!;
    expect(catalog.functions.get("2210201")?.name).toBe("住房公积金");
    expect(catalog.functions.get("2210202")?.name).toBe("提租补贴（官方名称）");
  });
});

describe("importing a 2024 package", () => {
  it("refuses 2010308 as a current-year line, naming the code and what to import", async () => {
    const text = petitionPackage("901", (pkg) => setAt(pkg, "basicExpenditure[0].function", "2010308"));
    const result = await importPackageText(t.db, text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { path: "basicExpenditure[0].function", message: expect.stringContaining("2024 年科目目录中没有 2010308，请管理员导入 2024 年完整科目目录") },
    ]);
    expect(await t.db.department.count({ where: { code: "901" } })).toBe(0);
  });

  it("refuses 2010308 in a project too", async () => {
    const result = await importPackageText(
      t.db,
      petitionPackage("901", (pkg) => setAt(pkg, "projects[0].function", "2010308")),
    );
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual(["projects[0].function"]);
  });

  it("accepts it as a prior-year code and prints it as published; a 1:1 crosswalk entry moves it under its successor", async () => {
    const result = await importPackageText(t.db, petitionPackage("902"));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const t2 = async () => buildTables((await loadForEngine(t.db, result.budgetId, {}))!.budget, (await loadForEngine(t.db, result.budgetId, {}))!.catalog).T2!;
    expect((await t2()).rows.find((r) => r.code === "2010308")).toMatchObject({ name: "信访事务", prior: "657.05" });

    // The administrator says 2010308 went to 2014004 only: the same process sees it at once.
    expect(await importCatalog(t.db, admin, { year: 2024, kind: "crosswalk", text: "fromCode,toCode\n2010308,2014004\n" })).toEqual({ ok: true, stored: 1 });
    const mapped = await t2();
    expect(mapped.rows.find((r) => r.code === "2010308")).toBeUndefined();
    expect(mapped.rows.find((r) => r.code === "2014004")).toMatchObject({ prior: "657.05", total: "172.00" });
  });

  it("refuses a prior-year code neither 2024's nor 2023's catalogue has", async () => {
    const result = await importPackageText(
      t.db,
      petitionPackage("903", (pkg) => {
        setAt(pkg, "priorYear.expenditureByFunction.2999998", getAt(pkg, "priorYear.expenditureByFunction.2010308"));
        deleteAt(pkg, "priorYear.expenditureByFunction.2010308");
      }),
    );
    expect(result.ok ? [] : result.errors).toEqual([
      { path: "priorYear.expenditureByFunction.2999998", message: expect.stringContaining("2024 年和 2023 年科目目录中都没有 2999998") },
    ]);
  });
});

describe("the catalogue cache", () => {
  it("sees a change another process made (the revision is bumped), without being told", async () => {
    expect((await loadCatalog(t.db, 2025))!.functions.has("2999997")).toBe(false);
    // What another process's import leaves behind: the row and a bumped revision, no forgetCatalogs() here.
    await t.db.functionSubject.create({ data: { year: 2025, code: "2999997", name: "测试科目", level: 3, parentCode: "29999" } });
    await t.db.catalogRevision.update({ where: { year: 2025 }, data: { revision: { increment: 1 } } });
    expect((await loadCatalog(t.db, 2025))!.functions.get("2999997")?.name).toBe("测试科目");
  });
});

describe("saving a section with a code the year's catalogue lacks", () => {
  it("names the code and what the administrator must import", async () => {
    const result = await importPackageText(t.db, petitionPackage("904"));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const department = await t.db.department.findFirstOrThrow({ where: { code: "904" } });
    const accountant: SessionUser = { ...admin, memberships: [{ role: "ACCOUNTANT", departmentId: department.id, regionId: null }] };
    const pkg = budgetToPackage((await loadBudgetById(t.db, result.budgetId, {}))!, { unit: "元" });
    const values = SECTIONS.basic.pick(pkg);
    values.basicExpenditure[0]!.function = "2999996";
    const { version } = await t.db.budget.findUniqueOrThrow({ where: { id: result.budgetId } });
    const saved = await saveSection(t.db, accountant, { budgetId: result.budgetId, expectedVersion: version, section: "basic", values });
    expect(saved).toMatchObject({
      ok: false,
      code: "invalid",
      errors: [{ path: "basicExpenditure[0].function", message: expect.stringContaining("2024 年科目目录中没有 2999996，请管理员导入 2024 年完整科目目录") }],
    });
  });
});

describe("the administrator's list of missing codes", () => {
  it("lists codes stored budgets use that their year's catalogue lacks, with the departments", async () => {
    expect(await missingCatalogueCodes(t.db)).toEqual([]);
    const budget = await t.db.budget.findFirstOrThrow({ where: { year: 2024, department: { code: "904" } } });
    const line = await t.db.basicLine.findFirstOrThrow({ where: { budgetId: budget.id }, orderBy: { id: "asc" } });
    // A budget stored before its catalogue was corrected.
    await t.db.basicLine.update({ where: { id: line.id }, data: { functionCode: "2999995" } });
    expect(await missingCatalogueCodes(t.db)).toEqual([{ year: 2024, kind: "function", code: "2999995", departments: ["测试单位904"] }]);
  });
});

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString("base64");
}

describe("importing the official catalogue from Excel", () => {
  it("reads a 财政部-style sheet: title rows, 科目编码/科目名称 headers, a 说明 column, codes typed as numbers", async () => {
    const xlsx = await workbook((wb) => {
      const ws = wb.addWorksheet("支出功能分类");
      ws.addRow(["2027年政府收支分类科目"]);
      ws.addRow(["第二部分 支出功能分类科目"]);
      ws.addRow(["科目编码", "科目名称", "说明"]);
      ws.addRow([205, "教育支出", "反映政府教育事务支出。"]);
      ws.addRow([20502, "普通教育", ""]);
      ws.addRow([2050203, "初中教育", "反映初中教育支出。"]);
      ws.addRow(["2999996", "其他普通教育支出", ""]);
    });
    const preview = await previewCatalogImport(t.db, admin, { year: 2027, kind: "function", xlsx });
    expect(preview).toMatchObject({ ok: true, preview: { rows: 4, errors: [], unchanged: 0 } });
    expect(await importCatalog(t.db, admin, { year: 2027, kind: "function", xlsx })).toEqual({ ok: true, stored: 4 });
    const catalog = (await loadCatalog(t.db, 2027))!;
    expect(catalog.functions.get("2050203")).toEqual({ code: "2050203", name: "初中教育", level: 3, parent: "20502" });
    expect(catalog.functions.get("205")?.level).toBe(1);
  });

  it("names the sheet and the cell of every bad row, and imports nothing", async () => {
    const xlsx = await workbook((wb) => {
      const ws = wb.addWorksheet("经济分类");
      ws.addRow(["部门预算支出经济分类科目", "", ""]);
      ws.addRow(["序号", "科目编码", "科目名称"]);
      ws.addRow([1, "301", "工资福利支出"]);
      ws.addRow([2, "30101", ""]);
      ws.addRow([3, "3010A", "坏编码"]);
      ws.addRow([4, "301", "重复"]);
    });
    const result = await importCatalog(t.db, admin, { year: 2028, kind: "economic", xlsx });
    expect(result).toEqual({
      ok: false,
      code: "invalid_input",
      message: "文件有 3 处错误，未导入任何内容",
      errors: [
        "支出经济分类科目（工作表“经济分类”）：工作表“经济分类”第 4 行 C4 单元格：科目名称不能为空",
        "支出经济分类科目（工作表“经济分类”）：工作表“经济分类”第 5 行 B5 单元格：编码“3010A”应为 3 或 5 位数字",
        "支出经济分类科目（工作表“经济分类”）：工作表“经济分类”第 6 行 B6 单元格：编码 301 重复（工作表“经济分类”第 3 行已有）",
      ],
    });
    expect(await t.db.economicSubject.count({ where: { year: 2028 } })).toBe(0);
  });

  it("says so when the file is not an .xlsx", async () => {
    const result = await previewCatalogImport(t.db, admin, { year: 2028, kind: "function", xlsx: Buffer.from("not a workbook").toString("base64") });
    expect(result).toMatchObject({ ok: true, preview: { errors: [expect.stringContaining("无法读取 Excel 文件")] } });
  });
});
