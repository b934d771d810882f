import { expect, test } from "@playwright/test";
import { seedDistrict } from "./district-world";

// A copy of the demo district of this spec's own (104 published, 111 submitted, 134 a draft):
// other specs publish budgets of their own regions, never of this one.
const REGION = { code: "500903", name: "重庆市北碚区（首页测试）" };
test.beforeAll(() => {
  seedDistrict({ region: REGION });
});

test("the home page lists the district's departments", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: REGION.name })).toBeVisible();
  const table = page.getByTestId(`departments-${REGION.code}`);
  for (const name of ["重庆市北碚区人民政府办公室", "重庆市北碚区信访办公室", "重庆市北碚区政务服务管理办公室"]) {
    await expect(table.getByRole("cell", { name, exact: true })).toBeVisible();
  }
  // Only the published budget is offered to the public.
  await expect(table.getByRole("link", { name: "2024 年部门预算" })).toHaveCount(1);
  await expect(page.getByTestId(`years-${REGION.code}`).getByRole("link")).toHaveText(["2024 年（1 个部门）"]);
});
