import ExcelJS from "exceljs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";
import { seedOwnWorld } from "./own-world";

/**
 * The 决算 in Excel (issue 19): the accountant downloads the entry workbook of a 决算 draft, fills
 * a 决算数 in it (here with exceljs), sees a text amount refused at its cell, then previews and
 * applies the good one.
 */
const WORLD = {
  department: "906",
  name: "决算 Excel 测试办公室",
  accountant: "accountant.906",
  password: "mingzhang-demo",
  fixture: "beibei-government-services-2023",
  final: true,
};

const dir = mkdtempSync(path.join(tmpdir(), "mingzhang-e2e-final-xlsx-"));

test("an accountant fills a 决算 draft in Excel: a text amount is refused at its cell, a 决算数 is previewed and applied", async ({ page }) => {
  seedOwnWorld(WORLD);
  await signIn(page, WORLD.accountant, WORLD.password);
  await page.goto("/workspace");
  const href = await page.locator('a[href^="/workspace/finals/"]').first().getAttribute("href");
  expect(href).toMatch(/^\/workspace\/finals\/\d+$/);
  await page.goto(href!);
  const version = Number((await page.getByTestId("final-version").innerText()).match(/\d+/)![0]);

  const panel = page.getByTestId("final-workbook-panel");
  const [download] = await Promise.all([page.waitForEvent("download"), panel.getByTestId("download-final-workbook").click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await download.path())!);
  const basic = wb.getWorksheet("基本支出")!;
  expect(basic.getCell("A2").value).toBeTruthy();

  basic.getCell("H2").value = "一百";
  const bad = path.join(dir, "bad.xlsx");
  await wb.xlsx.writeFile(bad);
  await panel.getByTestId("final-workbook-file").setInputFiles(bad);
  await panel.getByRole("button", { name: "预览工作簿的变化" }).click();
  await expect(panel.getByTestId("final-workbook-errors")).toContainText("基本支出!H2");

  basic.getCell("H2").value = 12345.67;
  const good = path.join(dir, "good.xlsx");
  await wb.xlsx.writeFile(good);
  await panel.getByTestId("final-workbook-file").setInputFiles(good);
  await panel.getByRole("button", { name: "预览工作簿的变化" }).click();
  await expect(panel.getByTestId("final-workbook-changes")).toContainText("12345.67");
  await expect(page.getByTestId("final-version")).toContainText(`第 ${version} 版`);
  await panel.getByRole("button", { name: "确认导入工作簿" }).click();
  await expect(panel.getByTestId("final-workbook-status")).toContainText(`已导入工作簿（第 ${version + 1} 版）`);
  await expect(page.getByTestId("final-version")).toContainText(`第 ${version + 1} 版`);
});
