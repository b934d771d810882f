import ExcelJS from "exceljs";
import Decimal from "decimal.js";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";
import { seedOwnWorld } from "./own-world";

/**
 * Working in Excel (issue 19): the accountant downloads the entry workbook of a 2023 draft (the
 * demo's 134 budget, in a department of this spec's own so that no other spec's publication of
 * 134 matters), edits it as they would in Excel (here with exceljs), uploads it, reads the
 * preview, applies it; and a workbook with three mistakes is refused cell by cell.
 */
const WORLD = {
  department: "903",
  name: "Excel 录入测试办公室",
  accountant: "accountant.903",
  password: "mingzhang-demo",
  fixture: "beibei-government-services-2023",
};

const dir = mkdtempSync(path.join(tmpdir(), "mingzhang-e2e-xlsx-"));

async function draftUrl(page: Page): Promise<string> {
  await page.goto("/workspace");
  const row = page
    .getByTestId("budget-list")
    .locator("tr", { hasText: "2023" })
    .filter({ hasText: `${WORLD.department} ` });
  const href = await row.getByRole("link").first().getAttribute("href");
  expect(href).toMatch(/^\/workspace\/budgets\/\d+$/);
  return href!;
}

async function download(page: Page, testId: string): Promise<ExcelJS.Workbook> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await file.path())!);
  return wb;
}

async function save(wb: ExcelJS.Workbook, name: string): Promise<string> {
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

const tablesOf = async (page: Page, id: string) => {
  const response = await page.request.get(`/api/budgets/${id}/tables`);
  expect(response.ok()).toBe(true);
  return (await response.json()).tables;
};

test("an accountant fills the 2023 draft in Excel, previews, applies; a faulty workbook is refused cell by cell", async ({ page }) => {
  seedOwnWorld(WORLD);
  await signIn(page, WORLD.accountant, WORLD.password);
  const url = await draftUrl(page);
  const id = url.split("/").pop()!;
  const before = await tablesOf(page, id);

  await page.goto(`${url}/import`);
  await expect(page.getByRole("heading", { name: "在 Excel 中填写" })).toBeVisible();
  const wb = await download(page, "download-workbook");
  const guide = wb.worksheets[0]!;
  expect(guide.name).toBe("说明");

  // Three amounts changed (+1,000 / +2,000 / +3,000 元) and one basic line added (4,000 元).
  const basic = wb.getWorksheet("基本支出")!;
  let last = 1;
  basic.eachRow((_r, n) => (last = n));
  for (const [row, plus] of [
    [2, 1000],
    [3, 2000],
    [4, 3000],
  ] as const) {
    const cell = basic.getCell(`E${row}`);
    cell.value = new Decimal(cell.value as number).plus(plus).toNumber();
  }
  const added = basic.getRow(last + 1);
  added.getCell(1).value = basic.getCell("A2").value;
  added.getCell(3).value = "30299";
  added.getCell(5).value = 4000;
  added.getCell(6).value = "一般公共预算拨款";
  const good = await save(wb, "entry-134-2023.xlsx");

  await page.getByTestId("workbook-file").setInputFiles(good);
  await page.getByRole("button", { name: "预览工作簿的变化" }).click();
  const changes = page.getByTestId("workbook-changes");
  await expect(changes).toBeVisible();
  const basicRow = changes.locator("tr", { hasText: "基本支出" });
  await expect(basicRow.locator("td").nth(1)).toHaveText("1");
  await expect(basicRow.locator("td").nth(3)).toHaveText("3");
  // Nothing is stored by the preview.
  expect((await tablesOf(page, id)).T3.total.total).toBe(before.T3.total.total);

  await page.getByRole("button", { name: "确认导入工作簿" }).click();
  await expect(page.getByTestId("workbook-status")).toContainText("已导入工作簿");
  // 1,000 + 2,000 + 3,000 + 4,000 元 = 1.00 万元 more basic expenditure in the tables.
  const after = await tablesOf(page, id);
  expect(after.T3.total.total).toBe(new Decimal(before.T3.total.total).plus(1).toFixed(2));
  expect(after.T2.total.basic).toBe(new Decimal(before.T2.total.basic).plus(1).toFixed(2));
  await page.goto(`${url}/preview`);
  await expect(page.getByTestId("preview")).toContainText(after.T3.total.total);

  // A fresh workbook with a wrong code, a text amount and a negative amount.
  await page.goto(`${url}/import`);
  const fresh = await download(page, "download-workbook");
  const sheet = fresh.getWorksheet("基本支出")!;
  sheet.getCell("A2").value = "2999998";
  sheet.getCell("E3").value = "一千元";
  sheet.getCell("E4").value = -500;
  const bad = await save(fresh, "entry-134-2023-bad.xlsx");
  await page.getByTestId("workbook-file").setInputFiles(bad);
  await page.getByRole("button", { name: "预览工作簿的变化" }).click();
  const errors = page.getByTestId("workbook-errors");
  await expect(errors).toContainText("预算未作任何修改");
  await expect(errors.locator("li")).toHaveCount(3);
  await expect(errors).toContainText("基本支出!A2");
  await expect(errors).toContainText("基本支出!E3");
  await expect(errors).toContainText("基本支出!E4");
  expect((await tablesOf(page, id)).T3.total.total).toBe(after.T3.total.total);

  // The workbook of before the import is now an older version: refused with the reason.
  await page.getByTestId("workbook-file").setInputFiles(good);
  await page.getByRole("button", { name: "预览工作簿的变化" }).click();
  await expect(page.getByTestId("workbook-errors")).toContainText("预算此后已修改");
});
