import { expect, test } from "@playwright/test";
import { budgetUrlFor, signIn, signOut } from "./helpers";

test("a signed-out visitor reaches only public pages", async ({ page, request }) => {
  for (const path of ["/workspace", "/workspace/budgets/1", "/workspace/budgets/3"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  }
  for (const id of [1, 2, 3]) {
    const response = await request.get(`/api/budgets/${id}/package`);
    expect(response.status()).toBe(404);
  }
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "部门预算公开" })).toBeVisible();
});

test("a wrong password gets a Chinese error and no session", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("用户名").fill("accountant.104");
  await page.getByLabel("密码").fill("wrong-password");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.locator("form [role=alert]")).toContainText("用户名或密码错误");
  await page.goto("/workspace");
  await expect(page).toHaveURL(/\/signin/);
});

test("an accountant cannot read another department's draft", async ({ page }) => {
  await signIn(page, "accountant.134");
  const draftUrl = await budgetUrlFor(page, "134");
  const draftId = draftUrl.split("/").pop();
  await page.goto(draftUrl);
  await expect(page.getByRole("heading", { name: /2023 年部门预算/ })).toBeVisible();
  await signOut(page);

  await signIn(page, "accountant.104");
  await page.goto("/workspace");
  await expect(page.getByTestId("budget-list")).toContainText("104 重庆市北碚区人民政府办公室");
  await expect(page.getByTestId("budget-list")).not.toContainText("134");
  const response = await page.goto(draftUrl);
  expect(response?.status()).toBe(404);
  await expect(page.getByText("重庆市北碚区政务服务管理办公室")).toHaveCount(0);
  const api = await page.request.get(`/api/budgets/${draftId}/package`);
  expect(api.status()).toBe(404);
  // Own budget: readable and exportable.
  const own = await budgetUrlFor(page, "104");
  const ownPackage = await page.request.get(`/api/budgets/${own.split("/").pop()}/package`);
  expect(ownPackage.status()).toBe(200);
  expect((await ownPackage.json()).unit.code).toBe("104");
});

test("the district reviewer sees submitted and published budgets of the district, not drafts", async ({ page }) => {
  await signIn(page, "reviewer.500109");
  await page.goto("/workspace");
  const list = page.getByTestId("budget-list");
  await expect(list).toContainText("104 重庆市北碚区人民政府办公室");
  await expect(list).toContainText("111 重庆市北碚区信访办公室");
  await expect(list).not.toContainText("134 重庆市北碚区政务服务管理办公室");
});

test("each role lands on its own start page after signing in, unless a page asked to come back", async ({ page }) => {
  for (const [username, start] of [
    ["reviewer.500109", "/review"],
    ["admin", "/admin"],
    ["accountant.104", "/workspace"],
  ] as const) {
    await signIn(page, username);
    await expect(page).toHaveURL(new RegExp(`${start}(\\?.*)?$`));
    await signOut(page);
  }
  // A page that sent the reviewer to sign in is where they come back to; another host never is.
  await page.goto("/signin?callbackUrl=%2Frules");
  await page.getByLabel("用户名").pressSequentially("reviewer.500109");
  await page.getByLabel("密码").pressSequentially("mingzhang-demo");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/rules$/);
  await signOut(page);
  await page.goto("/signin?callbackUrl=%2F%5Cevil.example%2F");
  await page.getByLabel("用户名").pressSequentially("admin");
  await page.getByLabel("密码").pressSequentially("mingzhang-demo");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/admin$/);
});
