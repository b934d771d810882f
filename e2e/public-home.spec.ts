import { expect, test } from "@playwright/test";

test("the home page lists the demo district's departments", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: /重庆市北碚区/ })).toBeVisible();
  const table = page.getByTestId("departments-500109");
  for (const name of ["重庆市北碚区人民政府办公室", "重庆市北碚区信访办公室", "重庆市北碚区政务服务管理办公室"]) {
    await expect(table.getByRole("cell", { name, exact: true })).toBeVisible();
  }
  // Only the published budget is offered to the public.
  await expect(table.getByRole("link", { name: "2024 年部门预算" })).toHaveCount(1);
  await expect(page.getByTestId("years-500109").getByRole("link")).toHaveText(["2024 年（1 个部门）"]);
});
