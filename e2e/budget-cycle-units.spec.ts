import Decimal from "decimal.js";
import { expect, test, type Page } from "@playwright/test";
import { signIn, signOut, typeInto } from "./helpers";
import { CYCLE_WORLD as W, seedCycleWorld } from "./budget-cycle-units-world";

/**
 * Issue 18, the whole round in one journey: two units type their budgets and hand them in, the
 * department accepts them; its 报送 above the 控制数 is refused with the amounts, then (a unit
 * lowered) accepted within it; two review stages, the second returning once; the bureau issues
 * the 批复 (a PDF); the department publishes; a signed-out reader sees the department's tables
 * equal, to the fen, the sum of its units' and opens each unit's tables.
 */
test.describe.configure({ mode: "serial" });
test.beforeAll(() => seedCycleWorld());

const byId = (page: Page, id: string) => page.locator(`[id="${id}"]`);
const [FIRST, SECOND] = W.units;
const [STAGE1, STAGE2] = W.stages;
type Line = { function: string; economic: string; amount: string };
// Whole hundreds of 元: each unit's 万元 (two decimals) is exact and sums compare to the fen.
const LINES: Record<string, Line[]> = {
  [FIRST.code]: [{ function: "2010301", economic: "30101", amount: "123400.00" }],
  [SECOND.code]: [
    { function: "2010301", economic: "30201", amount: "56700.00" },
    { function: "2010302", economic: "30201", amount: "8900.00" },
  ],
};
// What the second unit lowers its second line to, once returned: 500.00 元 less, exactly the 控制数.
const LOWERED = "8400.00";

const sumOf = (lines: { amount: string }[]) => lines.reduce((s, l) => s.plus(l.amount), new Decimal(0));
const wan = (yuan: Decimal) => yuan.dividedBy(10_000).toFixed(2);
const amountOf = (text: string | null) => new Decimal((text ?? "").replace(/[,\s万元]/g, "") || "NaN");

async function save(page: Page) {
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();
}

/** The budget the signed-in user sees in its list under `name`. */
async function budgetUrl(page: Page, name: string): Promise<string> {
  await page.goto("/workspace");
  const href = await page.getByTestId("budget-list").locator('a[href^="/workspace/budgets/"]', { hasText: name }).first().getAttribute("href");
  expect(href).toMatch(/^\/workspace\/budgets\/\d+$/);
  return href!;
}

/** 报送 from the budget's page; the answer is read from the page after it, not from a status a refresh removes. */
async function submit(page: Page, url: string) {
  await page.goto(url);
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "报送", exact: true }).click();
}

async function income(page: Page, url: string, lines: Line[]) {
  await page.goto(`${url}/income`);
  await typeInto(byId(page, "income.generalBudget"), sumOf(lines).toFixed(2));
  await save(page);
}

/** A unit's accountant types its lines and their income, key by key, and hands the budget in. */
async function prepareUnit(page: Page, unit: (typeof W.units)[number]): Promise<string> {
  await signIn(page, unit.accountant, W.password);
  const url = await budgetUrl(page, unit.name);
  await page.goto(`${url}/basic`);
  const lines = LINES[unit.code]!;
  for (const [i, line] of lines.entries()) {
    await page.getByRole("button", { name: "添加一行" }).click();
    await typeInto(byId(page, `basicExpenditure[${i}].function`), line.function);
    await typeInto(byId(page, `basicExpenditure[${i}].economic`), line.economic);
    await typeInto(byId(page, `basicExpenditure[${i}].amount`), line.amount);
  }
  await save(page);
  await income(page, url, lines);
  await submit(page, url);
  // 单位报送 refreshes the page, read-only now: its title says where the budget is.
  await expect(page.getByRole("heading", { level: 1 })).toContainText("已报送");
  await expect(page.getByRole("button", { name: "报送", exact: true })).toHaveCount(0);
  await signOut(page);
  return url;
}

async function accept(page: Page, unit: (typeof W.units)[number]) {
  const row = page.getByTestId("units-panel").getByTestId(`unit-${unit.code}`);
  await row.getByRole("button", { name: "审核通过" }).click();
  await expect(row).toContainText("审核通过");
}

/** A stage's reviewer passes the budget on (or approves it at the last stage). */
async function pass(page: Page, reviewer: string, budgetId: string, button: string) {
  await signIn(page, reviewer, W.password);
  await page.goto(`/review/budgets/${budgetId}`);
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: button }).click();
}

test("units hand in, the department reports within its 控制数, two stages with a return, 批复, the department publishes, the public reads the sum", async ({
  page,
}) => {
  test.setTimeout(480_000);

  // 1. Both units type and hand in their budgets; the department accepts them.
  await prepareUnit(page, FIRST);
  const secondUrl = await prepareUnit(page, SECOND);
  await signIn(page, W.accountant, W.password);
  const departmentUrl = await budgetUrl(page, W.department.name);
  const budgetId = departmentUrl.split("/").pop()!;
  await page.goto(departmentUrl);
  await accept(page, FIRST);
  await accept(page, SECOND);

  // 2. 报送 above the 控制数: refused with the rule's message and amounts.
  const all = [...LINES[FIRST.code]!, ...LINES[SECOND.code]!];
  const ceiling = new Decimal(W.ceiling);
  const over = sumOf(all).minus(ceiling);
  await submit(page, departmentUrl);
  await expect(page.getByTestId("submit-error")).toContainText(
    `一般公共预算拨款基本支出超出控制数：控制数 ${wan(ceiling)} 万元（${ceiling.toFixed(2)} 元），已安排 ${wan(sumOf(all))} 万元（${sumOf(all).toFixed(2)} 元），超出 ${wan(over)} 万元（${over.toFixed(2)} 元）`,
  );
  await expect(page.getByRole("heading", { level: 1 })).toContainText("编制中");
  // The department returns the second unit, which lowers a line (and its income) and hands it in again.
  const secondRow = page.getByTestId("units-panel").getByTestId(`unit-${SECOND.code}`);
  await typeInto(secondRow.getByLabel(`退回${SECOND.name}的意见`), "超出控制数，请压减办公费 500 元");
  await secondRow.getByRole("button", { name: "退回单位" }).click();
  await expect(secondRow).toContainText("已退回");
  await signOut(page);

  LINES[SECOND.code]![1] = { ...LINES[SECOND.code]![1]!, amount: LOWERED };
  await signIn(page, SECOND.accountant, W.password);
  await page.goto(`${secondUrl}/basic`);
  await typeInto(byId(page, "basicExpenditure[1].amount"), LOWERED);
  await save(page);
  await income(page, secondUrl, LINES[SECOND.code]!);
  await submit(page, secondUrl);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("已报送");
  await signOut(page);

  await signIn(page, W.accountant, W.password);
  await page.goto(departmentUrl);
  await accept(page, SECOND);
  await submit(page, departmentUrl);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("已报送");
  await signOut(page);

  // 3. Stage 1 passes; stage 2 returns with a comment.
  await pass(page, STAGE1.reviewer, budgetId, `本阶段通过，转“${STAGE2.name}”`);
  await expect(page.getByRole("status").filter({ hasText: `已通过“${STAGE1.name}”，转入“${STAGE2.name}”阶段` })).toBeVisible();
  await signOut(page);
  await signIn(page, STAGE2.reviewer, W.password);
  await page.goto(`/review/budgets/${budgetId}`);
  await expect(page.getByTestId("review-stage")).toContainText(STAGE2.name);
  await typeInto(page.getByLabel("退回意见（必填）"), "请填写预算公开联系电话");
  await page.getByRole("button", { name: "退回修改" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("已退回");
  await signOut(page);

  // 4. The department reads the comment, fixes its own part and reports again.
  await signIn(page, W.accountant, W.password);
  await page.goto(departmentUrl);
  await expect(page.getByTestId("returned-reason")).toContainText("请填写预算公开联系电话");
  await page.goto(`${departmentUrl}/unit`);
  await typeInto(page.getByLabel("联系电话"), "023-68862345");
  await save(page);
  await submit(page, departmentUrl);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("已报送");
  await signOut(page);

  // 5. Both stages pass; the last approves.
  await pass(page, STAGE1.reviewer, budgetId, `本阶段通过，转“${STAGE2.name}”`);
  await expect(page.getByRole("status").filter({ hasText: `转入“${STAGE2.name}”阶段` })).toBeVisible();
  await signOut(page);
  await pass(page, STAGE2.reviewer, budgetId, "审核通过");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("审核通过");
  await signOut(page);

  // Before the 批复 the department cannot publish yet: it is told it waits for the 批复.
  await signIn(page, W.accountant, W.password);
  await page.goto(departmentUrl);
  await expect(page.getByTestId("publish-panel")).toContainText("等待下达批复");
  await expect(page.getByRole("button", { name: "公开预算" })).toHaveCount(0);
  await signOut(page);

  // 6. The bureau issues the 批复.
  await signIn(page, STAGE2.reviewer, W.password);
  await page.goto(`/review/budgets/${budgetId}`);
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "下达批复" }).click();
  await expect(page.getByTestId("reply-link")).toBeVisible();
  // The bureau itself does not publish here: the department does.
  await signOut(page);

  // 7. The department downloads its 批复 (a PDF) and publishes.
  await signIn(page, W.accountant, W.password);
  await page.goto(departmentUrl);
  const panel = page.getByTestId("publish-panel");
  const [download] = await Promise.all([page.waitForEvent("download"), panel.getByRole("link", { name: "下载批复（PDF）" }).click()]);
  const pdf = await download.createReadStream().then(
    (s) =>
      new Promise<Buffer>((resolve, reject) => {
        const chunks: Buffer[] = [];
        s.on("data", (c: Buffer) => chunks.push(c));
        s.on("end", () => resolve(Buffer.concat(chunks)));
        s.on("error", reject);
      }),
  );
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(download.suggestedFilename()).toBe(`reply-${W.department.code}-${W.year}.pdf`);
  page.once("dialog", (d) => d.accept());
  await panel.getByRole("button", { name: "公开预算" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("已公开");
  await expect(panel.getByTestId("publish-outcome")).toHaveText("已公开，公众现在可以查阅");
  await expect(panel.getByTestId("public-link")).toBeVisible();
  await signOut(page);

  // 8. A signed-out reader: the department's tables are the sum of the units', to the fen.
  const key = `${W.region.code}/${W.year}/${W.department.code}`;
  await page.goto(`/b/${key}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`${W.department.name} ${W.year} 年部门预算`);
  const list = page.getByTestId("published-units");
  const unitTotals = await Promise.all(
    W.units.map(async (u) => amountOf(await list.getByTestId(`published-unit-${u.code}`).getByTestId("unit-total").textContent())),
  );
  expect(unitTotals.map((d) => d.toFixed(2))).toEqual(W.units.map((u) => wan(sumOf(LINES[u.code]!))));
  const departmentTotal = amountOf(await list.getByTestId("department-total").getByTestId("unit-total").textContent());
  expect(departmentTotal.toFixed(2)).toBe(unitTotals[0]!.plus(unitTotals[1]!).toFixed(2));
  expect(departmentTotal.toFixed(2)).toBe(wan(ceiling));
  await expect(list.getByTestId("units-rest")).toHaveCount(0);

  // The open API says the same, table by table.
  const api = await (await page.request.get(`/api/open/budgets/${key}`)).json();
  expect(api.units.map((u: { code: string }) => u.code)).toEqual(W.units.map((u) => u.code));
  const units = await Promise.all(W.units.map(async (u) => (await page.request.get(`/api/open/budgets/${key}/units/${u.code}`)).json()));
  const fen = (s: string) => new Decimal(s).toFixed(2);
  expect(fen(api.totals.total)).toBe(departmentTotal.toFixed(2));
  expect(fen(api.tables.T8.total.total)).toBe(new Decimal(units[0].tables.T8.total.total).plus(units[1].tables.T8.total.total).toFixed(2));
  expect(fen(api.tables.T6.income.total)).toBe(new Decimal(units[0].tables.T6.income.total).plus(units[1].tables.T6.income.total).toFixed(2));
  type Row = { code: string; total: string };
  for (const row of api.tables.T8.rows as Row[]) {
    const of = (u: { tables: { T8: { rows: Row[] } } }) => new Decimal(u.tables.T8.rows.find((r) => r.code === row.code)?.total ?? "0");
    expect(of(units[0]).plus(of(units[1])).toFixed(2), row.code).toBe(fen(row.total));
  }

  // Each unit's own tables open from the list.
  await list.getByRole("link", { name: SECOND.name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${SECOND.name} ${W.year} 年单位预算`);
  expect(amountOf(await page.getByTestId("unit-expenditure-total").textContent()).toFixed(2)).toBe(wan(sumOf(LINES[SECOND.code]!)));
  await expect(page.locator(".dz-document")).toContainText("2010302");
  // A unit the department does not have is not found.
  expect((await page.request.get(`/b/${key}/units/915199`)).status()).toBe(404);
});
