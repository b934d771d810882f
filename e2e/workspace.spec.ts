import { expect, test, type Page } from "@playwright/test";
import { seedDistrict, type SeededDistrict } from "./district-world";
import { signIn, typeInto } from "./helpers";

// 111's 2024 budget, submitted, copied into a region of this spec's own: its accountant starts
// 2025 from it and edits that draft in two windows.
const REGION = { code: "500909", name: "重庆市北碚区（编制测试）" };
let world: SeededDistrict;
test.beforeAll(() => {
  world = seedDistrict({ region: REGION, budgets: { "111": "SUBMITTED" } });
});

const field = (page: Page, path: string) => page.locator(`[id="${path}"]`);

/** Parses a rendered "2,514.61 万元" or "2,514.61" and returns the machine form "2514.61". */
const amountIn = async (page: Page, testId: string) => ((await page.getByTestId(testId).textContent()) ?? "").replace(/[,\s万元]/g, "");

const t2Cell = async (page: Page, code: string, column: number) =>
  ((await page.getByTestId("t2-preview").locator(`tr[data-code="${code}"] td`).nth(column).textContent()) ?? "").replace(/,/g, "");

test.describe.serial("the accountant's workspace", () => {
  let budgetUrl = "";

  test("111's accountant starts 2025 from 2024, edits a basic line and a project indicator, and everything is saved", async ({ page }) => {
    await signIn(page, world.accountants["111"], world.password);
    await page.goto("/workspace");
    // 2024 is still under review: the button says the 上年 figures are provisional and asks first.
    let asked = "";
    page.once("dialog", (dialog) => {
      asked = dialog.message();
      void dialog.accept();
    });
    await page.getByRole("button", { name: "编制 2025 年预算（上年数暂定）" }).click();
    await expect.poll(() => asked).toContain("上年数取自报送稿");
    await expect(page).toHaveURL(/\/workspace\/budgets\/\d+$/);
    budgetUrl = new URL(page.url()).pathname;
    await expect(page.getByRole("heading", { name: /重庆市北碚区信访办公室 2025 年部门预算/ })).toBeVisible();

    // 基本支出: 2014001 行政运行 × 30101 基本工资 carried over at 124.93 万元.
    await page.goto(`${budgetUrl}/basic`);
    const amount = field(page, "basicExpenditure[0].amount");
    await expect(amount).toHaveValue("1,249,300.00");
    expect(await amountIn(page, "basic-total")).toBe("701.25");
    // The prior-year column comes from the 2024 budget.
    expect(await t2Cell(page, "total", 1)).toBe("873.25");

    await typeInto(amount, "1300000.55");
    await expect(amount).toHaveValue("1,300,000.55");
    // 701.25 − 124.93 + 130.00 (1,300,000.55 元 rounds once to 130.00 万元)
    await expect(page.getByTestId("basic-total")).toHaveText("706.32 万元");
    expect(await t2Cell(page, "2014001", 3)).toBe("324.55");
    expect(await t2Cell(page, "total", 2)).toBe("878.32");
    expect(await t2Cell(page, "total", 3)).toBe("706.32");

    // A wrong value is named at the field, in Chinese, and nothing is lost.
    await typeInto(amount, "12.345");
    await expect(page.locator('[id="basicExpenditure[0].amount-error"]')).toContainText("最多两位小数");
    await typeInto(amount, "1300000.55");
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect(page.getByRole("status")).toContainText("已保存");

    // 项目支出: the first project's first indicator, weight 10 → 15.
    await page.goto(`${budgetUrl}/projects`);
    const weight = field(page, "projects[0].indicators[0].weight");
    await expect(weight).toHaveValue("10");
    await expect(page.getByTestId("weights-projects.0.indicators")).toContainText("权重合计 100");
    await typeInto(weight, "15");
    await expect(page.getByTestId("weights-projects.0.indicators")).toContainText("权重合计 105");
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect(page.getByRole("status")).toContainText("已保存");

    // Reload: everything is there, and the published-style preview shows the new figures.
    await page.reload();
    await expect(field(page, "projects[0].indicators[0].weight")).toHaveValue("15");
    await page.goto(`${budgetUrl}/basic`);
    await expect(field(page, "basicExpenditure[0].amount")).toHaveValue("1,300,000.55");
    await page.goto(`${budgetUrl}/preview`);
    await expect(page.getByTestId("preview")).toContainText("878.32");
    await expect(page.getByTestId("preview")).toContainText("706.32");
  });

  test("the same section saved in another window: a conflict naming who, both values side by side, and keeping mine saves it", async ({ browser }) => {
    const a = await (await browser.newContext()).newPage();
    const b = await (await browser.newContext()).newPage();
    await signIn(a, world.accountants["111"], world.password);
    await signIn(b, world.accountants["111"], world.password);
    await a.goto(`${budgetUrl}/income`);
    await b.goto(`${budgetUrl}/income`);
    await typeInto(field(a, "income.other"), "1000");
    await typeInto(field(b, "income.other"), "2000.50");
    await a.getByRole("button", { name: "保存", exact: true }).click();
    await expect(a.getByRole("status")).toContainText("已保存");
    await b.getByRole("button", { name: "保存", exact: true }).click();
    const conflict = b.getByTestId("save-conflict");
    await expect(conflict).toContainText("保存冲突");
    await expect(conflict).toContainText("你自己在另一个窗口");
    await expect(conflict.getByTestId("conflict-differences")).toContainText("收入预算 · 其他收入");
    await expect(conflict.getByTestId("conflict-differences").locator("tbody tr").first()).toContainText("1000.00");
    await expect(field(b, "income.other")).toHaveValue("2,000.50");
    await conflict.getByRole("button", { name: "保留我的并保存" }).click();
    await expect(b.getByRole("status")).toContainText("已保存");
    await a.reload();
    await expect(field(a, "income.other")).toHaveValue("2,000.50");
  });

  test("different sections saved in two windows merge without a conflict", async ({ browser }) => {
    const a = await (await browser.newContext()).newPage();
    const b = await (await browser.newContext()).newPage();
    await signIn(a, world.accountants["111"], world.password);
    await signIn(b, world.accountants["111"], world.password);
    await a.goto(`${budgetUrl}/three-public`);
    await b.goto(`${budgetUrl}/assets`);
    await typeInto(field(a, "threePublic.reception"), "6000");
    await a.getByRole("button", { name: "保存", exact: true }).click();
    await expect(a.getByRole("status")).toContainText("已保存");
    await typeInto(field(b, "assets.asOf"), "2024-12");
    await b.getByRole("button", { name: "保存", exact: true }).click();
    await expect(b.getByRole("status")).toContainText("已保存");
    await a.goto(`${budgetUrl}/assets`);
    await expect(field(a, "assets.asOf")).toHaveValue("2024-12");
    await a.goto(`${budgetUrl}/three-public`);
    await expect(field(a, "threePublic.reception")).toHaveValue("6,000.00");
  });

  test("leaving a page with unsaved changes asks first", async ({ page }) => {
    await signIn(page, world.accountants["111"], world.password);
    await page.goto(`${budgetUrl}/three-public`);
    await typeInto(field(page, "threePublic.reception"), "5000");
    let asked = "";
    page.once("dialog", (dialog) => {
      asked = dialog.message();
      void dialog.dismiss();
    });
    await page.getByRole("link", { name: "收入预算" }).click();
    expect(asked).toContain("尚未保存");
    await expect(page).toHaveURL(/three-public$/);
  });

  test("a submitted budget cannot be edited", async ({ page }) => {
    await signIn(page, world.accountants["111"], world.password);
    await page.goto("/workspace");
    await page.getByTestId("budget-list").locator("tr", { hasText: "已报送" }).getByRole("link").click();
    await expect(page.getByRole("heading", { name: /2024 年部门预算/ })).toBeVisible();
    const url = new URL(page.url()).pathname;
    expect(url).not.toBe(budgetUrl);
    await page.goto(`${url}/basic`);
    await expect(page.getByText("该预算当前状态不可编辑")).toBeVisible();
    await expect(page.getByRole("button", { name: "保存", exact: true })).toHaveCount(0);
  });
});
