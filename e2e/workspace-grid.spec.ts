import { expect, test, type Page } from "@playwright/test";
import { signIn, typeAndCheck } from "./helpers";

/**
 * The 基本支出 grid as accountants use it: typed key by key, moved through with the keyboard,
 * filled by pasting from Excel. accountant.104 works on a 2025 draft started from the
 * published 2024 budget (no other journey touches it).
 */
const field = (page: Page, path: string) => page.locator(`[id="${path}"]`);

let budgetUrl = "";
test.describe.serial("the 基本支出 grid", () => {
  test("starts a 2025 draft for 104", async ({ page }) => {
    await signIn(page, "accountant.104");
    await page.goto("/workspace");
    await page.getByRole("button", { name: "编制 2025 年预算" }).click();
    await expect(page).toHaveURL(/\/workspace\/budgets\/\d+$/);
    budgetUrl = new URL(page.url()).pathname;
  });

  test("every cell of every grid keeps the focus while 700000 is typed into it", async ({ page }) => {
    test.setTimeout(180_000);
    // Leaving each page unsaved is on purpose here.
    page.on("dialog", (d) => void d.accept());
    await signIn(page, "accountant.104");
    await page.goto(`${budgetUrl}/basic`);
    const rows = await page.getByTestId("basic-grid").locator("tbody tr[data-row]").count();
    expect(rows).toBeGreaterThan(5);
    for (let i = 0; i < rows; i++) {
      await typeAndCheck(field(page, `basicExpenditure[${i}].function`), "700000");
      await typeAndCheck(field(page, `basicExpenditure[${i}].economic`), "700000");
      await typeAndCheck(field(page, `basicExpenditure[${i}].amount`), "700000", "700,000");
    }

    await page.goto(`${budgetUrl}/projects`);
    const indicators = page.getByTestId("indicators-projects.0.indicators").locator("tbody tr");
    const count = await indicators.count();
    for (let i = 0; i < count; i++) {
      for (const key of ["level2", "name", "unit", "value", "weight"]) {
        await typeAndCheck(field(page, `projects[0].indicators[${i}].${key}`), "700000");
      }
    }
    for (const key of ["amount", "ownArrangement", "superiorSubsidy"]) {
      await typeAndCheck(field(page, `projects[0].${key}`), "700000", "700,000");
    }

    await page.goto(`${budgetUrl}/procurement`);
    await page.getByRole("button", { name: "添加一行" }).click();
    const last = (await page.locator('input[id^="procurement["][id$="].amount"]').count()) - 1;
    await typeAndCheck(field(page, `procurement[${last}].amount`), "700000", "700,000");

    await page.goto(`${budgetUrl}/prior`);
    await page.getByRole("button", { name: "添加一行" }).click();
    await typeAndCheck(field(page, "priorYear.expenditureByFunction[0].code"), "700000");
    await typeAndCheck(field(page, "priorYear.expenditureByFunction[0].amount"), "700000", "700,000");
  });
});
