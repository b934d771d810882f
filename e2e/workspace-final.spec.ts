import { expect, test, type Page } from "@playwright/test";
import { seedDistrict, type SeededDistrict } from "./district-world";
import { signIn, signOut } from "./helpers";

// 134's 2023 budget, published, copied into a region of this spec's own: the accountant starts
// its 决算 from it here.
const REGION = { code: "500908", name: "重庆市北碚区（决算测试）" };
const R = REGION.code;
let world: SeededDistrict;
test.beforeAll(() => {
  world = seedDistrict({ region: REGION, budgets: { "134": "PUBLISHED" } });
});

/** Types into a field like a person: select what is there, then key in the new text. */
async function typeInto(page: Page, label: string, text: string) {
  const field = page.getByLabel(label, { exact: true });
  await field.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Backspace");
  await field.pressSequentially(text);
}

async function saved(page: Page, button: string) {
  const before = await page.getByTestId("final-version").textContent();
  await page.getByRole("button", { name: button }).click();
  await expect(page.getByTestId("final-version")).not.toHaveText(before ?? "");
}

test("a 决算 from the 2023 budget: entered, submitted, returned, approved, published, read and downloaded", async ({ page }) => {
  test.setTimeout(180_000);
  // The accountant starts the 2023 决算 from the published 2023 budget.
  await signIn(page, world.accountants["134"], world.password);
  await page.goto("/workspace");
  await page.getByRole("button", { name: "编制 2023 年决算" }).click();
  await expect(page).toHaveURL(/\/workspace\/finals\/\d+$/);
  const finalUrl = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 1 })).toContainText("2023 年度部门决算");
  await expect(page.getByTestId("final-basic-lines")).toContainText("2010301");
  // Nothing actual is entered yet: the checks name each finding's rule (opening /rules) and field.
  const finding = page.getByTestId("final-checks").getByTestId("finding").first();
  await expect(finding.locator("a.rule-id")).toHaveAttribute("href", /^\/rules#final\./);
  await expect(finding.getByTestId("finding-field")).toContainText("字段：");

  // Actuals: the project spent 10,000 元 less than budgeted (the budgeted figure as the page
  // shows it); every other line as budgeted.
  const initial = await page.getByTestId("final-basic-lines").locator("tr", { hasText: "项目：大厅运行经费" }).locator("td").nth(1).textContent();
  const spent = (Number(initial) - 10_000).toFixed(2);
  await typeInto(page, "项目 大厅运行经费 决算数", spent);
  await saved(page, "保存支出决算");
  await saved(page, "未填的决算数按全年预算数填入");
  await saved(page, "按支出决算数生成收入");
  await expect(page.getByTestId("final-income")).toContainText("2010302");

  // The 自评: indicators carried from the budget's 绩效目标; values typed, the score computed.
  const values: [string, string][] = [
    ["投诉率", "0.5"],
    ["印刷服务指南", "12000"],
    ["群众办事方便快捷", "方便快捷"],
    ["大厅审批件数", "100"],
    ["大厅审批周期", "5"],
    ["预算执行率", "99.6"],
  ];
  for (const [name, value] of values) await typeInto(page, `大厅运行经费 ${name} 全年完成值`, value);
  await typeInto(page, "大厅运行经费 群众办事方便快捷 完成比例", "100");
  await typeInto(page, "大厅运行经费 实际完成情况", "全年窗口服务运行正常，审批周期缩短。");
  await saved(page, "保存项目支出绩效自评");
  // 预算执行率 99.6% of its 10 points: 9.96; everything else full.
  await expect(page.getByTestId("self-evaluation-score")).toHaveText("99.96");
  await expect(page.getByTestId("final-checks")).not.toContainText("修正后才能报送");

  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "报送决算" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("已报送");
  await signOut(page);

  // The reviewer switches the dashboard to 决算, opens 134 and returns it with a comment.
  await signIn(page, world.reviewer, world.password);
  await page.goto(`/review?region=${R}`);
  await page.getByTestId("kind-switch").getByRole("link", { name: "决算" }).click();
  // The newest year with a 决算 the reviewer sees is 2023: the dashboard opens on it.
  await expect(page.getByRole("heading", { level: 1 })).toContainText("2023 年部门决算审核");
  await expect(page.getByTestId("department-134")).toContainText("已报送");
  await page.getByTestId("department-134").getByRole("link").click();
  await expect(page).toHaveURL(/\/review\/finals\/\d+$/);
  // Every amount of the 决算 under review opens the lines behind it.
  await page.getByTestId("table-F1").locator("a.dz-trace").first().click();
  await expect(page).toHaveURL(/\/review\/finals\/\d+\/trace\?table=F1&row=/);
  await expect(page.getByTestId("trace-value")).toBeVisible();
  await page.goBack();
  await page.getByLabel("退回意见（必填）").pressSequentially("请补充“三公”经费与年初预算数的差异原因");
  await page.getByRole("button", { name: "退回修改" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("已退回");
  await signOut(page);

  // The accountant reads the comment, gives the reason and submits again.
  await signIn(page, world.accountants["134"], world.password);
  await page.goto(finalUrl);
  await expect(page.getByTestId("final-comments")).toContainText("差异原因");
  await typeInto(page, "“三公”经费与年初预算数差异原因", "厉行节约，公务接待从严控制。");
  await saved(page, "保存变动原因");
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "报送决算" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("已报送");
  await signOut(page);

  // The reviewer approves and publishes.
  await signIn(page, world.reviewer, world.password);
  await page.goto(`/review?region=${R}&kind=final&year=2023`);
  await page.getByTestId("department-134").getByRole("link").click();
  // What changed since the returned submission: the reason the accountant added.
  await expect(page.getByTestId("final-submission-diff")).toContainText("厉行节约");
  // 审核通过 and 公开 ask first.
  const asked: string[] = [];
  page.on("dialog", (dialog) => {
    asked.push(dialog.message());
    void dialog.accept();
  });
  await page.getByRole("button", { name: "审核通过" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("审核通过");
  await page.getByRole("button", { name: "公开决算" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("已公开");
  expect(asked).toHaveLength(2);
  page.removeAllListeners("dialog");
  await signOut(page);

  // A signed-out reader opens the 决算 tab of the department's year, compares, downloads.
  await page.goto(`/b/${R}/2023/134`);
  await page.getByTestId("tab-final").click();
  await expect(page).toHaveURL(new RegExp(`/b/${R}/2023/134/final$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("2023 年度部门决算");
  await expect(page.getByTestId("compare-source")).toContainText("已公开的2023年部门预算");
  const byClass = page.getByTestId("budget-final-by-class");
  await expect(byClass).toContainText("一般公共服务支出");
  await expect(byClass.locator("tr", { hasText: "一般公共服务支出" })).toContainText("少支 1.00");
  await expect(page.getByTestId("budget-final-three-public")).toContainText("公务用车运行费");
  await expect(page.locator("figure.dz-chart svg").first()).toBeVisible();
  await expect(page.getByText("项目支出绩效自评表").first()).toBeVisible();

  const [pdf] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "下载决算 PDF" }).click()]);
  expect(pdf.suggestedFilename()).toMatch(new RegExp(`^final-${R}-2023-134\\.pdf$|2023年度部门决算\\.pdf$`));
  const pdfBytes = await (await import("node:fs/promises")).readFile((await pdf.path())!);
  expect(pdfBytes.subarray(0, 5).toString()).toBe("%PDF-");
  const [xlsx] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "下载决算 Excel" }).click()]);
  const xlsxBytes = await (await import("node:fs/promises")).readFile((await xlsx.path())!);
  expect(xlsxBytes.subarray(0, 2).toString()).toBe("PK");

  // Open data serves the frozen 决算; the year page lists it.
  const open = await page.request.get(`/api/open/finals/${R}/2023/134`);
  expect(open.status()).toBe(200);
  const body = (await open.json()) as { package: { kind: string }; tables: { F3: { total: { total: string } } }; narrative: string };
  expect(body.package.kind).toBe("final");
  expect(body.narrative).toContain("决算");
  await page.goto(`/b/${R}/2023`);
  await expect(page.getByTestId("district-finals")).toContainText("重庆市北碚区政务服务管理办公室");
});
