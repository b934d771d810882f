import { expect, test } from "@playwright/test";
import { seedDistrict, type SeededDistrict } from "./district-world";
import { budgetUrlFor, signIn, signOut } from "./helpers";

// A copy of the demo district of this spec's own: 104 published, 111 submitted, 134 a draft.
const REGION = { code: "500901", name: "重庆市北碚区（权限测试）" };
let world: SeededDistrict;
test.beforeAll(() => {
  world = seedDistrict({ region: REGION });
});

test("a signed-out visitor reaches only public pages", async ({ page, request }) => {
  const ids = [world.budgets["104"]!.id, world.budgets["111"]!.id, world.budgets["134"]!.id];
  for (const id of ids) {
    await page.goto(`/workspace/budgets/${id}`);
    await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  }
  await page.goto("/workspace");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  // The ids exist (a signed-in accountant exports its own), so the 404 is the refusal, not a miss.
  for (const id of ids) {
    const response = await request.get(`/api/budgets/${id}/package`);
    expect(response.status(), `budget ${id}`).toBe(404);
  }
  await signIn(page, world.accountants["104"], world.password);
  expect((await page.request.get(`/api/budgets/${world.budgets["104"]!.id}/package`)).status()).toBe(200);
  await signOut(page);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "部门预算公开" })).toBeVisible();
});

test("a wrong password gets a Chinese error and no session", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("用户名").pressSequentially(world.accountants["104"]);
  await page.getByLabel("密码").pressSequentially("wrong-password");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.locator("form [role=alert]")).toContainText("用户名或密码错误");
  await page.goto("/workspace");
  await expect(page).toHaveURL(/\/signin/);
});

test("an accountant cannot read another department's draft", async ({ page }) => {
  await signIn(page, world.accountants["134"], world.password);
  const draftUrl = await budgetUrlFor(page, "134");
  const draftId = draftUrl.split("/").pop();
  await page.goto(draftUrl);
  await expect(page.getByRole("heading", { name: /2023 年部门预算/ })).toBeVisible();
  await signOut(page);

  await signIn(page, world.accountants["104"], world.password);
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
  await signIn(page, world.reviewer, world.password);
  await page.goto("/workspace");
  const list = page.getByTestId("budget-list");
  await expect(list).toContainText("104 重庆市北碚区人民政府办公室");
  await expect(list).toContainText("111 重庆市北碚区信访办公室");
  await expect(list).not.toContainText("134 重庆市北碚区政务服务管理办公室");
});

test("each role lands on its own start page after signing in, unless a page asked to come back", async ({ page }) => {
  // The demo administrator: seeded by the server itself, and no spec changes its account.
  for (const [username, start] of [
    [world.reviewer, "/review"],
    ["admin", "/admin"],
    [world.accountants["104"], "/workspace"],
  ] as const) {
    await signIn(page, username);
    await expect(page).toHaveURL(new RegExp(`${start}(\\?.*)?$`));
    await signOut(page);
  }
  // A page that sent the reviewer to sign in is where they come back to; another host never is.
  await page.goto("/signin?callbackUrl=%2Frules");
  await page.getByLabel("用户名").pressSequentially(world.reviewer);
  await page.getByLabel("密码").pressSequentially(world.password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/rules$/);
  await signOut(page);
  await page.goto("/signin?callbackUrl=%2F%5Cevil.example%2F");
  await page.getByLabel("用户名").pressSequentially("admin");
  await page.getByLabel("密码").pressSequentially("mingzhang-demo");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/admin$/);
});
