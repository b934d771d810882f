import { expect, test } from "@playwright/test";
import { seedDistrict } from "./district-world";

// A copy of the demo district of this spec's own: 104's 2024 budget published, 134's 2023 a draft.
const REGION = { code: "500902", name: "重庆市北碚区（错误页测试）" };
test.beforeAll(() => {
  seedDistrict({ region: REGION, budgets: { "104": "PUBLISHED", "134": "DRAFT" } });
});

test("a signed-out reader of an unpublished budget gets a Chinese 404 leading to what is published", async ({ page }) => {
  const response = await page.goto(`/b/${REGION.code}/2023/134`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "该预算尚未公开或不存在" })).toBeVisible();
  await expect(page.getByRole("link", { name: "2023 年已公开的部门预算" })).toHaveAttribute("href", `/b/${REGION.code}/2023`);
  await expect(page.getByRole("link", { name: "全部已公开的部门预算" })).toBeVisible();
  await expect(page.getByText(/could not be found|404: This page/i)).toHaveCount(0);
});

test("an unknown address answers in Chinese", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
});
