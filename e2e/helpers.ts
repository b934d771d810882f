import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "mingzhang-demo";

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/signin");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page.getByRole("link", { name: "登录" })).toBeVisible();
}

/** The workspace URL of the budget of `department` (code) the signed-in user sees in the list. */
export async function budgetUrlFor(page: Page, department: string): Promise<string> {
  await page.goto("/workspace");
  // The list holds 决算 too (/workspace/finals/…); this is the budget's link.
  const link = page.getByTestId("budget-list").locator('a[href^="/workspace/budgets/"]', { hasText: new RegExp(`^${department} `) });
  const href = await link.getAttribute("href");
  expect(href).toMatch(/^\/workspace\/budgets\/\d+$/);
  return href!;
}
