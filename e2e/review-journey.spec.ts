import { execFileSync } from "node:child_process";
import Decimal from "decimal.js";
import { expect, test, type Page } from "@playwright/test";
import { seedDistrict, type SeededDistrict } from "./district-world";
import { budgetUrlFor, signIn, signOut, typeInto } from "./helpers";
import { e2eDatabaseUrl, ROOT, TSX } from "./security-world";

// A copy of the demo district of this spec's own: 104's 2024 budget published, 111's submitted,
// 134's 2023 budget a draft that this journey takes from submission to publication.
const REGION = { code: "500907", name: "重庆市北碚区（审核测试）" };
const R = REGION.code;
let world: SeededDistrict;
test.beforeAll(() => {
  world = seedDistrict({ region: REGION });
});

/** The accountant's edit of the amounts, through the use cases the workspace saves with (its forms have their own specs). */
function lowerProject(budgetId: string, projectCode: string) {
  execFileSync(process.execPath, [TSX, "e2e/review-journey-edit.ts", world.accountants["134"], budgetId, projectCode], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: e2eDatabaseUrl() },
    encoding: "utf8",
    timeout: 120_000,
  });
}

const amount = (text: string | null) => new Decimal((text ?? "").replace(/[,+\s]/g, "") || "0");

/** The 支出合计 column of every department row and of the 区级汇总 row, as printed. */
async function printedTotals(page: Page) {
  const table = page.getByTestId("district-table");
  const rows = await table.locator("tbody tr").all();
  const departments = await Promise.all(rows.map(async (r) => (await r.locator("td").nth(2).textContent()) ?? ""));
  const total = await table.getByTestId("district-totals").locator("td").nth(1).textContent();
  return { departments: departments.filter((t) => t.trim() !== "").map(amount), total: amount(total) };
}

test("review pages answer 404 outside the scope: a draft for the reviewer, everything for an accountant", async ({ page }) => {
  await signIn(page, world.accountants["134"], world.password);
  const draftId = (await budgetUrlFor(page, "134")).split("/").pop();
  expect((await page.goto("/review"))?.status()).toBe(404);
  expect((await page.goto(`/review/budgets/${draftId}`))?.status()).toBe(404);
  expect((await page.request.get(`/review/export?region=${R}&year=2023`)).status()).toBe(404);
  await signOut(page);

  await signIn(page, world.reviewer, world.password);
  const response = await page.goto(`/review/budgets/${draftId}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByText("重庆市北碚区政务服务管理办公室")).toHaveCount(0);
  await page.goto(`/review?region=${R}&year=2023`);
  await expect(page.getByTestId("department-134")).toContainText("未报送");
  await expect(page.getByTestId("department-134").getByRole("link")).toHaveCount(0);
});

test("review journey: submit, comment and return, resubmit, see the diff, approve, publish, read it signed out", async ({ page, request }) => {
  test.setTimeout(180_000);

  // The accountant submits the 2023 draft.
  await signIn(page, world.accountants["134"], world.password);
  const workspaceUrl = await budgetUrlFor(page, "134");
  const budgetId = workspaceUrl.split("/").pop()!;
  await page.goto(workspaceUrl);
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "报送", exact: true }).click();
  // The workspace re-renders as submitted (its own specs check its messages).
  await expect(page.getByRole("heading", { level: 1 })).toContainText("已报送");
  await signOut(page);

  // The reviewer's district dashboard: totals are the sum of the printed departments, to the fen.
  await signIn(page, world.reviewer, world.password);
  await page.goto(`/review?region=${R}&year=2024`);
  await expect(page.getByTestId("department-104")).toContainText("已公开");
  await expect(page.getByTestId("department-111")).toContainText("已报送");
  const printed = await printedTotals(page);
  expect(printed.departments).toHaveLength(2);
  expect(printed.total.toFixed(2)).toBe(printed.departments.reduce((s, d) => s.plus(d), new Decimal(0)).toFixed(2));
  // Filtering narrows the rows but not the district totals.
  await page.getByLabel("状态").selectOption("SUBMITTED");
  await expect(page.getByTestId("district-table").locator("tbody tr")).toHaveCount(1);
  expect((await printedTotals(page)).total.toFixed(2)).toBe(printed.total.toFixed(2));
  const xlsx = await page.request.get(`/review/export?region=${R}&year=2024`);
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");

  await page.goto(`/review?region=${R}&year=2023`);
  await page.getByTestId("department-134").getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/review/budgets/${budgetId}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("已报送");
  await expect(page.getByTestId("disclosure-preview")).toContainText("部门预算情况说明");

  // A comment on a project, then a return that needs an overall comment.
  const form = page.getByTestId("comment-form");
  await form.getByLabel("针对").selectOption("projects");
  const anchor = form.getByLabel("具体位置");
  const projectCode = await anchor.locator("option").nth(1).getAttribute("value");
  await anchor.selectOption(projectCode!);
  await typeInto(form.getByLabel("意见内容"), "请补充该项目的立项依据并核减金额");
  await form.getByRole("button", { name: "添加意见" }).click();
  await expect(form.getByRole("status")).toHaveText("意见已保存");
  // Listed by the project's name (the option reads "名称（编码）"), not by its code.
  const projectName = (await anchor.locator(`option[value="${projectCode}"]`).textContent())!.replace(/（[^（]*）$/, "");
  await expect(page.getByTestId("comments")).toContainText(`项目支出 · ${projectName}`);

  await page.getByRole("button", { name: "退回修改" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "退回时必须填写退回意见" })).toBeVisible();
  await typeInto(page.getByLabel("退回意见（必填）"), "项目支出依据不足，请修改后重新报送");
  await page.getByRole("button", { name: "退回修改" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("已退回");
  await signOut(page);

  // The accountant lowers the project by 1.00 万元 (income with it, so it still balances) …
  lowerProject(budgetId, projectCode!);
  // … opens the budget on why it was returned, sees which section has the open comment, …
  await signIn(page, world.accountants["134"], world.password);
  await page.goto(workspaceUrl);
  await expect(page.getByTestId("returned-reason")).toContainText("项目支出依据不足，请修改后重新报送");
  await expect(page.getByTestId("returned-reason")).toContainText(`${REGION.name}审核员`);
  await expect(page.getByRole("link", { name: /^项目支出/ })).toContainText("意见 1");
  if (process.env.DOCS_SCREENSHOTS) await page.screenshot({ path: "docs/returned-budget.png" });
  // … answers the comment on the project's form, and submits again.
  await page.goto(`${workspaceUrl}/projects`);
  const comments = page.getByTestId("review-comments");
  await expect(comments).toContainText("请补充该项目的立项依据并核减金额");
  await typeInto(comments.getByLabel("答复内容"), "已核减 1 万元");
  await comments.getByRole("button", { name: "标记已答复" }).click();
  await expect(comments).toContainText("已答复：已核减 1 万元");
  await page.goto(workspaceUrl);
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "报送", exact: true }).click();
  // The workspace re-renders as submitted (its own specs check its messages).
  await expect(page.getByRole("heading", { level: 1 })).toContainText("已报送");
  await signOut(page);

  // The reviewer sees exactly what changed since the first submission, then approves and publishes.
  await signIn(page, world.reviewer, world.password);
  await page.goto(`/review/budgets/${budgetId}`);
  const diff = page.getByTestId("submission-diff");
  const changedAmount = diff
    .locator("tr", { hasText: `项目 ${projectCode}` })
    .filter({ hasText: "金额" })
    .first();
  await expect(changedAmount).toContainText("修改");
  const [before, after] = await Promise.all([changedAmount.locator("td").nth(3).textContent(), changedAmount.locator("td").nth(4).textContent()]);
  expect(
    amount(before!.replace("元", ""))
      .minus(amount(after!.replace("元", "")))
      .toFixed(2),
  ).toBe("10000.00");
  await expect(page.getByTestId("comments")).toContainText("已答复");

  // Both steps cannot be taken back: each asks first.
  const asked: string[] = [];
  page.on("dialog", (dialog) => {
    asked.push(dialog.message());
    void dialog.accept();
  });
  await page.getByRole("button", { name: "审核通过" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("审核通过");
  await expect(page.getByTestId("review-facts")).toContainText("公开期限");
  await page.getByRole("button", { name: "公开预算" }).click();
  await expect.poll(() => asked.join("\n")).toContain("确定公开本预算吗");
  expect(asked[0]).toContain("确定审核通过本预算吗");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("已公开");
  await expect(page.getByTestId("public-link").getByRole("link", { name: "查看公开页面" })).toHaveAttribute("href", `/b/${R}/2023/134`);
  const trail = page.getByTestId("budget-trail");
  for (const step of ["报送", "退回", "审核通过", "公开"]) await expect(trail).toContainText(step);
  await expect(trail).toContainText("项目支出依据不足，请修改后重新报送");
  const previewTotal = await page.goto(`/review?region=${R}&year=2023`).then(() => page.getByTestId("department-134").locator("td").nth(2).textContent());
  await signOut(page);

  // Anyone, signed out, reads what was published — the same total the reviewer saw.
  const open = await request.get(`/api/open/budgets/${R}/2023/134`);
  expect(open.status()).toBe(200);
  const body = (await open.json()) as { tables: { T8: { total: { total: string } } }; narrative: string };
  expect(body.tables.T8.total.total).toBe(amount(previewTotal).toFixed(2));
  expect(body.narrative).toContain("部门预算情况说明");
});
