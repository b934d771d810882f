import Decimal from "decimal.js";
import { expect, test, type Page } from "@playwright/test";
import { signIn, signOut, typeInto } from "./helpers";
import { seedUnitsWorld, UNITS_WORLD as W } from "./units-world";

/**
 * Issue 18 §1: units under a department. Each unit's accountant types its unit's budget
 * (单位预算) and hands it in (单位报送); the department's accountant sees both, cannot report the
 * department's budget (部门报送) before both are in and accepted (部门审核), can after; the
 * department's tables are, to the fen, the sum of its units'.
 */
test.describe.configure({ mode: "serial" });
test.beforeAll(() => seedUnitsWorld());

const byId = (page: Page, id: string) => page.locator(`[id="${id}"]`);
const [FIRST, SECOND] = W.units;
// Whole hundreds of 元, so that each unit's 万元 (two decimals) is exact and the sums compare to the fen.
const LINES = {
  [FIRST.code]: [{ function: "2010301", economic: "30101", amount: "123400.00" }],
  [SECOND.code]: [
    { function: "2010301", economic: "30201", amount: "56700.00" },
    { function: "2010302", economic: "30201", amount: "8900.00" },
  ],
};

async function save(page: Page) {
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("已保存");
}

/** The budget the signed-in user sees in its list under `name` (a unit's or the department's). */
async function budgetUrl(page: Page, name: string): Promise<string> {
  await page.goto("/workspace");
  const href = await page.getByTestId("budget-list").locator('a[href^="/workspace/budgets/"]', { hasText: name }).first().getAttribute("href");
  expect(href).toMatch(/^\/workspace\/budgets\/\d+$/);
  return href!;
}

async function submit(page: Page) {
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "报送", exact: true }).click();
}

/** A unit accountant types its lines and the matching income, then hands the budget in. */
async function prepareUnit(page: Page, unit: (typeof W.units)[number]) {
  await signIn(page, unit.accountant, W.password);
  // Its list holds its unit's budget only, never the department's or the other unit's.
  await page.goto("/workspace");
  await expect(page.getByTestId("budget-list").locator("tbody tr")).toHaveCount(1);
  const url = await budgetUrl(page, unit.name);
  await page.goto(url);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`${unit.name} ${W.year} 年单位预算`);
  await page.goto(`${url}/basic`);
  const lines = LINES[unit.code]!;
  for (const [i, line] of lines.entries()) {
    await page.getByRole("button", { name: "添加一行" }).click();
    await typeInto(byId(page, `basicExpenditure[${i}].function`), line.function);
    await typeInto(byId(page, `basicExpenditure[${i}].economic`), line.economic);
    await typeInto(byId(page, `basicExpenditure[${i}].amount`), line.amount);
  }
  await save(page);
  await page.goto(`${url}/income`);
  await typeInto(byId(page, "income.generalBudget"), sumOf(lines).toFixed(2));
  await save(page);
  await page.goto(url);
  await expect(page.getByRole("heading", { name: "报送部门（单位报送）" })).toBeVisible();
  await submit(page);
  // 单位报送 refreshes the page, read-only now: its title says where the budget is (a status
  // shown inside the form would go with it).
  await expect(page.getByRole("heading", { level: 1 })).toContainText("已报送");
  await expect(page.getByRole("button", { name: "报送", exact: true })).toHaveCount(0);
  await signOut(page);
  return Number(url.split("/").pop());
}

const sumOf = (lines: { amount: string }[]) => lines.reduce((s, l) => s.plus(l.amount), new Decimal(0));
const wan = (yuan: Decimal) => yuan.dividedBy(10_000).toFixed(2);
const amountOf = (text: string | null) => (text ?? "").replace(/[,\s万元]/g, "");

test("two units hand in their budgets, the department accepts them and reports the sum", async ({ page }) => {
  test.setTimeout(240_000);
  const firstId = await prepareUnit(page, FIRST);

  // The department sees both units; 部门报送 is refused while the second is still being prepared.
  await signIn(page, W.accountant, W.password);
  const departmentUrl = await budgetUrl(page, W.department.name);
  await page.goto(departmentUrl);
  const panel = page.getByTestId("units-panel");
  await expect(panel.getByTestId(`unit-${FIRST.code}`)).toContainText("已报送");
  await expect(panel.getByTestId(`unit-${SECOND.code}`)).toContainText("编制中");
  await submit(page);
  await expect(page.getByTestId("submit-error")).toContainText(
    `以下单位的预算尚未报送或尚未经部门审核通过：${FIRST.name}（已报送，待部门审核）、${SECOND.name}（编制中）`,
  );
  await panel.getByTestId(`unit-${FIRST.code}`).getByRole("button", { name: "审核通过" }).click();
  await expect(panel.getByRole("status")).toHaveText(`已审核通过${FIRST.name}的单位预算`);
  await expect(panel.getByTestId(`unit-${FIRST.code}`)).toContainText("审核通过");
  await page.reload();
  await submit(page);
  await expect(page.getByTestId("submit-error")).toContainText(`：${SECOND.name}（编制中）。`);
  await signOut(page);

  const secondId = await prepareUnit(page, SECOND);

  await signIn(page, W.accountant, W.password);
  await page.goto(departmentUrl);
  await panel.getByTestId(`unit-${SECOND.code}`).getByRole("button", { name: "审核通过" }).click();
  await expect(panel.getByTestId(`unit-${SECOND.code}`)).toContainText("审核通过");

  // The department's tables are the sum of its units', to the fen.
  const tablesOf = async (id: number) => (await (await page.request.get(`/api/budgets/${id}/tables`)).json()).tables;
  const departmentId = Number(departmentUrl.split("/").pop());
  const [department, first, second] = await Promise.all([departmentId, firstId, secondId].map(tablesOf));
  const all = [...LINES[FIRST.code]!, ...LINES[SECOND.code]!];
  expect(department.T8.total.total).toBe(wan(sumOf(all)));
  expect(new Decimal(department.T8.total.total).toFixed(2)).toBe(new Decimal(first.T8.total.total).plus(second.T8.total.total).toFixed(2));
  expect(new Decimal(department.T6.income.total).toFixed(2)).toBe(new Decimal(first.T6.income.total).plus(second.T6.income.total).toFixed(2));
  for (const code of ["2010301", "2010302"]) {
    const row = (t: { T8: { rows: { code: string; total: string }[] } }) => new Decimal(t.T8.rows.find((r) => r.code === code)?.total ?? "0");
    expect(row(department).toFixed(2), code).toBe(row(first).plus(row(second)).toFixed(2));
  }
  await page.reload();
  // "18.90 万元（基本支出 18.90 万元，项目支出 0.00 万元）": the total comes first.
  expect(amountOf((await page.getByTestId("expenditure-total").textContent())?.split("（")[0] ?? "")).toBe(wan(sumOf(all)));
  const unitTotals = await panel.getByTestId("unit-total").allTextContents();
  expect(unitTotals.map(amountOf)).toEqual([wan(sumOf(LINES[FIRST.code]!)), wan(sumOf(LINES[SECOND.code]!))]);

  // Every unit is in: 部门报送 goes to the bureau.
  await submit(page);
  await expect(page.getByRole("status").filter({ hasText: "已报送财政局" })).toBeVisible();
});
