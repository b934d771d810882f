import { readFileSync } from "node:fs";
import path from "node:path";
import Decimal from "decimal.js";
import { expect, test } from "@playwright/test";
import { seedDistrict } from "./district-world";

// A signed-out reader asks where a number of a published budget comes from.
const FIXTURE = JSON.parse(readFileSync(path.resolve(__dirname, "..", "test", "fixtures", "beibei-government-office-2024.expected.json"), "utf8")) as {
  T2: { rows: { code: string; total: string }[] };
};
// The demo's published 104 budget, copied into a region of this spec's own.
const REGION = { code: "500906", name: "重庆市北碚区（数字来源测试）" };
const PAGE = `/b/${REGION.code}/2024/104`;
test.beforeAll(() => {
  seedDistrict({ region: REGION, budgets: { "104": "PUBLISHED" } });
});

const yuanToWan = (s: string) => new Decimal(s.replace(/,/g, "")).dividedBy(10_000);

test("a signed-out reader clicks T2's 一般公共服务支出 total and sees the lines and the sum", async ({ page }) => {
  const want = FIXTURE.T2.rows.find((r) => r.code === "201")!.total;
  await page.goto(PAGE);
  const row = page
    .getByTestId("table-T2")
    .locator("tbody tr")
    .filter({ has: page.locator("td.dz-code", { hasText: /^201$/ }) });
  // Columns: 上年预算数, 总计, 基本支出, 项目支出 — the 总计 of this year.
  const total = row.locator("td.dz-num").nth(1).getByRole("link");
  await expect(total).toHaveText(new Decimal(want).toNumber().toLocaleString("en-US", { minimumFractionDigits: 2 }));
  await total.click();

  await expect(page).toHaveURL(new RegExp(`/b/${REGION.code}/2024/104/trace\\?table=T2&row=201&column=total`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("数字来源");
  await expect(page.getByTestId("trace-label")).toContainText("一般公共服务支出");
  await expect(page.getByTestId("trace-value")).toHaveText(new Decimal(want).toNumber().toLocaleString("en-US", { minimumFractionDigits: 2 }));
  const lines = page.getByTestId("trace-lines").locator("tbody tr");
  expect(await lines.count()).toBeGreaterThan(5);
  // The lines in 元 add up to the sum shown, which is the printed 万元 figure.
  const amounts = (await lines.locator("td.dz-num").allTextContents()).map((t) => new Decimal(t.replace(/,/g, "")));
  const sumShown = new Decimal((await page.getByTestId("trace-lines-sum").textContent())!.replace(/,/g, ""));
  expect(amounts.reduce((a, b) => a.plus(b), new Decimal(0)).equals(sumShown)).toBe(true);
  expect(yuanToWan(sumShown.toFixed(2)).toFixed(2)).toBe(want);
  await expect(page.getByTestId("trace-explanation")).toContainText("只舍入一次");

  // The list downloads as CSV.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "下载明细 CSV" }).click();
  const csv = readFileSync((await (await download).path())!, "utf8");
  expect(csv).toContain("合计（元）");
  expect(csv).toContain(sumShown.toFixed(2));
  // README's picture: the top of the page, rows and the first lines.
  await page.setViewportSize({ width: 1100, height: 760 });
  await page.screenshot({ path: "test-results/trace-page.png" });
});

test("the keyboard opens an amount's trace too, and the narrative's figures are listed with theirs", async ({ page }) => {
  await page.goto(PAGE);
  const link = page.getByTestId("table-T2").locator("tbody tr").first().locator("a.dz-trace").nth(2);
  await link.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/trace\?table=T2&row=total&column=basic/);
  await expect(page.getByTestId("trace-value")).toBeVisible();

  await page.goto(PAGE);
  await page.locator("#narrative-figures summary").click();
  await page
    .locator("#narrative-figures")
    .getByRole("link", { name: /^基本支出：/ })
    .click();
  await expect(page).toHaveURL(/trace\?narrative=basic$/);
  await expect(page.getByTestId("trace-label")).toContainText("基本支出");
});

test("a signed-out reader clicks a 决算 figure (支出决算表 一般公共服务支出) and sees the lines that make it", async ({ page }) => {
  const final = JSON.parse(readFileSync(path.resolve(__dirname, "..", "test", "fixtures", "beibei-government-office-2020-final.expected.json"), "utf8")) as {
    F3: { rows: { code: string; total: string }[] };
  };
  const want = final.F3.rows.find((r) => r.code === "201")!.total;
  const shown = new Decimal(want).toNumber().toLocaleString("en-US", { minimumFractionDigits: 2 });
  await page.goto("/b/500109/2020/104/final");
  const row = page
    .getByTestId("table-F3")
    .locator("tbody tr")
    .filter({ has: page.locator("td.dz-code", { hasText: /^201$/ }) });
  // Columns: 本年支出合计, 基本支出, 项目支出.
  const total = row.locator("td.dz-num").first().getByRole("link");
  await expect(total).toHaveText(shown);
  await total.click();

  await expect(page).toHaveURL(/\/b\/500109\/2020\/104\/final\/trace\?table=F3&row=201&column=total/);
  await expect(page.getByTestId("trace-label")).toContainText("一般公共服务支出");
  await expect(page.getByTestId("trace-value")).toHaveText(shown);
  const lines = page.getByTestId("trace-lines").locator("tbody tr");
  expect(await lines.count()).toBeGreaterThan(3);
  const amounts = (await lines.locator("td.dz-num").allTextContents()).map((t) => new Decimal(t.replace(/,/g, "")));
  const sumShown = new Decimal((await page.getByTestId("trace-lines-sum").textContent())!.replace(/,/g, ""));
  expect(amounts.reduce((a, b) => a.plus(b), new Decimal(0)).equals(sumShown)).toBe(true);
  expect(yuanToWan(sumShown.toFixed(2)).toFixed(2)).toBe(want);
  // A printed row it adds opens its own trace.
  await page.getByRole("link", { name: /20103/ }).first().click();
  await expect(page).toHaveURL(/final\/trace\?table=F3&row=20103&column=total/);
  await expect(page.getByTestId("trace-value")).toHaveText(shown);

  // An amount inside the 情况说明's text that stands for one figure is a link to it.
  await page.goto("/b/500109/2020/104/final");
  const inText = page.locator(".dz-narrative a.dz-trace").first();
  const number = (await inText.textContent())!;
  await inText.click();
  await expect(page).toHaveURL(/final\/trace\?narrative=/);
  await expect(page.getByTestId("trace-value")).toHaveText(new RegExp(`^-?${number.replace(/[.,]/g, "\\$&")}$`));
});

test("the rules page lists every rule with its id, severity and an example", async ({ page }) => {
  await page.goto("/rules");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("检查规则");
  const row = page.locator("#text\\.reason-figures-match");
  await expect(row).toContainText("提示");
  await expect(row).toContainText("35.20 万元");
  expect(await page.getByTestId("rules").locator("tbody tr").count()).toBeGreaterThan(30);
});
