import { expect, type Locator, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "mingzhang-demo";

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/signin");
  await page.getByLabel("用户名").pressSequentially(username);
  await page.getByLabel("密码").pressSequentially(password);
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

/**
 * Types into a field the way a person does: click it, select what is there, then type. Latin
 * letters and digits go key by key; Chinese is committed a few characters at a time, as an
 * input method does; a newline is the Enter key. `fill()` sends one input event for the whole
 * value and hides bugs that only show on the second keystroke (an input remounted after each
 * change loses the focus), so entry tests use this instead.
 */
export async function typeInto(field: Locator, text: string) {
  await field.click();
  await field.press("ControlOrMeta+a");
  await field.press("Delete");
  const keyboard = field.page().keyboard;
  for (const run of text.match(/[\x20-\x7e]+|\r?\n|[^\x20-\x7e\r\n]{1,4}/g) ?? []) {
    if (/^\r?\n$/.test(run)) await keyboard.press("Enter");
    else if (/^[\x20-\x7e]+$/.test(run)) await keyboard.type(run);
    else await keyboard.insertText(run);
  }
  // A field with suggestions (a datalist) has them open now, over the fields below; a person
  // closes them before going on.
  if (await field.getAttribute("list")) await keyboard.press("Escape");
}

/** Types and checks the field kept every key (the focus stayed in it throughout). */
export async function typeAndCheck(field: Locator, text: string, shown = text) {
  await typeInto(field, text);
  await expect(field).toBeFocused();
  await expect(field).toHaveValue(shown);
}
