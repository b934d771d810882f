import Decimal from "decimal.js";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";
import { seedOwnWorld } from "./own-world";

/**
 * 上年 from last year's published workbook (issue 19): a department new to 明账 in 2025 fills its
 * 上年 section from the 2024 disclosure workbook that 明账's own public export makes of a published
 * budget (the demo's 104), after a preview; an Excel that is not a disclosure workbook is refused.
 */
const WORLD = {
  department: "905",
  name: "上年公开表测试办公室",
  accountant: "accountant.905",
  password: "mingzhang-demo",
  fixture: "beibei-government-office-2024",
  year: 2025,
};

const dir = mkdtempSync(path.join(tmpdir(), "mingzhang-e2e-prior-"));

test("a first year's 上年 is filled from last year's published disclosure workbook after a preview", async ({ page }) => {
  seedOwnWorld(WORLD);
  const published = await page.request.get("/api/open/budgets/500109/2024/104/tables.xlsx");
  expect(published.ok()).toBe(true);
  const disclosure = path.join(dir, "2024-104-公开表.xlsx");
  writeFileSync(disclosure, await published.body());
  const notDisclosure = path.join(dir, "not-a-disclosure.xlsx");
  writeFileSync(notDisclosure, "这不是工作簿");

  await signIn(page, WORLD.accountant, WORLD.password);
  await page.goto("/workspace");
  const row = page
    .getByTestId("budget-list")
    .locator("tr", { hasText: "2025" })
    .filter({ hasText: `${WORLD.department} ` });
  const href = await row.getByRole("link").first().getAttribute("href");
  expect(href).toMatch(/^\/workspace\/budgets\/\d+$/);
  await page.goto(`${href}/prior`);
  await expect(page.locator('[id="priorYear.basic"]')).toHaveValue("");

  const panel = page.getByTestId("prior-workbook");
  await panel.getByTestId("prior-workbook-file").setInputFiles(notDisclosure);
  await panel.getByRole("button", { name: "预览将填入的上年数" }).click();
  await expect(panel.getByTestId("prior-workbook-errors")).toContainText("不是有效的 Excel 工作簿");

  await panel.getByTestId("prior-workbook-file").setInputFiles(disclosure);
  await panel.getByRole("button", { name: "预览将填入的上年数" }).click();
  await expect(panel.getByTestId("prior-workbook-status")).toContainText("2024 年公开的工作簿");
  const preview = panel.getByTestId("prior-workbook-preview");
  const basicRow = preview.locator("tr", { hasText: "上年基本支出" });
  await expect(basicRow.locator("td").nth(1)).toHaveText("—");
  const basicWan = new Decimal((await basicRow.locator("td").nth(2).innerText()).replace(/,/g, ""));
  expect(basicWan.greaterThan(0)).toBe(true);
  // Nothing is stored by the preview.
  await expect(page.locator('[id="priorYear.basic"]')).toHaveValue("");

  await panel.getByRole("button", { name: "确认填入上年数" }).click();
  await expect(panel.getByTestId("prior-workbook-status")).toContainText("已填入 2024 年预算数");
  const field = page.locator('[id="priorYear.basic"]');
  await expect(field).not.toHaveValue("");
  expect(new Decimal((await field.inputValue()).replace(/,/g, "")).equals(basicWan.times(10_000))).toBe(true);

  // Stored: a fresh page shows it too.
  await page.reload();
  await expect(page.locator('[id="priorYear.basic"]')).not.toHaveValue("");
  expect(new Decimal((await page.locator('[id="priorYear.basic"]').inputValue()).replace(/,/g, "")).equals(basicWan.times(10_000))).toBe(true);
});
