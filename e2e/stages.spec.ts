import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import Decimal from "decimal.js";
import { expect, test, type Page } from "@playwright/test";
import { seedDistrict, type SeededDistrict } from "./district-world";
import { budgetUrlFor, signIn, signOut, typeInto } from "./helpers";
import { e2eDatabaseUrl, ROOT, TSX } from "./security-world";
import { readPdfText } from "@/test/support/pdf-text";

/**
 * 控制数 and review stages (issue 18 §2–3): the bureau enters and issues a 控制数, the accountant
 * sees its use while typing and is refused above it, then submits within it; the budget passes
 * two review stages with one return between, the bureau issues the 批复 PDF, and it is published.
 * 134's 2023 draft, copied into a region of this spec's own with two stages.
 */
const REGION = { code: "500913", name: "重庆市北碚区（审核阶段测试）" };
const R = REGION.code;
const CHIEF = `budgetchief.${R}`;
let world: SeededDistrict;

test.beforeAll(() => {
  world = seedDistrict({ region: REGION, budgets: { "134": "DRAFT" } });
  execFileSync(process.execPath, [TSX, "e2e/stages-world-setup.ts", R], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: e2eDatabaseUrl() },
    encoding: "utf8",
    timeout: 120_000,
  });
});

// The draft's 一般公共预算 基本支出 and income, 万元 as the package states them.
const demo = JSON.parse(readFileSync(path.join(ROOT, "data/demo/beibei-government-services-2023.package.json"), "utf8")) as {
  basicExpenditure: { amount: string; fund?: string }[];
  income: { generalBudget: string };
};
const basicWan = demo.basicExpenditure.filter((l) => (l.fund ?? "generalBudget") === "generalBudget").reduce((s, l) => s.plus(l.amount), new Decimal(0));
// The ceiling is 1.00 万元 below what the draft spends.
const ceilingWan = basicWan.minus(1);
const wan = (d: Decimal) => d.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
const field = (page: Page, id: string) => page.locator(`[id="${id}"]`);
const toYuan = (w: string) => new Decimal(w).times(10_000).toFixed(0);

async function submit(page: Page, workspaceUrl: string) {
  await page.goto(workspaceUrl);
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "报送", exact: true }).click();
}

test("控制数 issued, 报送 refused above it and accepted within, two review stages with a return, 批复 PDF, published", async ({ page }) => {
  test.setTimeout(300_000);

  // The bureau enters the 控制数 of 134 and issues it.
  await signIn(page, world.reviewer, world.password);
  await page.goto(`/review/ceilings?region=${R}&year=2023`);
  const entry = page.getByRole("form", { name: "录入控制数" });
  await entry.getByLabel("部门").selectOption("134");
  await entry.getByLabel("资金来源").selectOption("generalBudget");
  await entry.getByLabel("支出类别").selectOption("basic");
  await typeInto(entry.getByLabel("控制数（万元）"), ceilingWan.toFixed(2));
  await entry.getByRole("button", { name: "保存" }).click();
  await expect(page.getByTestId("ceiling-entry-outcome")).toHaveText("已保存，下达后部门可见");
  await expect(page.getByTestId("ceiling-134-basic-generalBudget")).toContainText("待下达");
  // A bad import names the cell and saves nothing.
  const importForm = page.getByRole("form", { name: "导入控制数" });
  await typeInto(importForm.getByLabel("或粘贴 CSV 内容"), "部门编码,资金来源,支出类别,项目编码,控制数（万元）\n134,一般公共预算,项目,,十万");
  await importForm.getByRole("button", { name: "导入" }).click();
  await expect(page.getByTestId("ceiling-import-outcome")).toContainText("第 2 行第 5 列：控制数“十万”不是以万元计的金额");
  await page.getByRole("button", { name: /下达控制数/ }).click();
  await expect(page.getByTestId("ceiling-issue-outcome")).toHaveText("已下达 1 条控制数");
  await expect(page.getByTestId("ceiling-134-basic-generalBudget")).toContainText("已下达");
  await signOut(page);

  // The accountant sees the ceiling's use live, and 报送 is refused above it.
  await signIn(page, world.accountants["134"], world.password);
  const workspaceUrl = await budgetUrlFor(page, "134");
  const budgetId = workspaceUrl.split("/").pop()!;
  await submit(page, workspaceUrl);
  const refused = page.getByTestId("submit-error");
  await expect(refused).toContainText(
    `一般公共预算拨款基本支出超出控制数：控制数 ${ceilingWan.toFixed(2)} 万元（${toYuan(ceilingWan.toFixed(2))}.00 元），已安排 ${basicWan.toFixed(2)} 万元（${toYuan(basicWan.toFixed(2))}.00 元），超出 1.00 万元（10000.00 元）`,
  );
  await expect(page.getByRole("heading", { level: 1 })).toContainText("编制中");

  await page.goto(`${workspaceUrl}/basic`);
  const meter = page.getByTestId("ceiling-meter-basic");
  await expect(meter.getByTestId("ceiling-amount")).toHaveText(wan(ceilingWan));
  await expect(meter.getByTestId("ceiling-over")).toHaveText("1.00");
  // The checks panel lists what 报送 refused, with the same amounts.
  const ceilingFinding = page.getByTestId("checks-panel").locator('[data-rule="ceiling.exceeded"]');
  await expect(ceilingFinding).toContainText(`已安排 ${basicWan.toFixed(2)} 万元（${toYuan(basicWan.toFixed(2))}.00 元），超出 1.00 万元（10000.00 元）`);
  // 表二 folded away, so the grid's first line is not under the summary kept in view.
  await page.locator("details.t2-live > summary").click();
  // Line 1 lowered by 1.00 万元, typed: the meter follows before anything is saved.
  const first = new Decimal(demo.basicExpenditure[0]!.amount).minus(1);
  await typeInto(field(page, "basicExpenditure[0].amount"), toYuan(first.toFixed(2)));
  await expect(meter.getByTestId("ceiling-left")).toHaveText("0.00");
  await expect(meter.getByTestId("ceiling-used")).toHaveText(wan(ceilingWan));
  await expect(ceilingFinding).toHaveCount(0);
  await page.keyboard.press("ControlOrMeta+s");
  await expect(page.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();
  // Income with it, so the budget still balances.
  await page.goto(`${workspaceUrl}/income`);
  await typeInto(field(page, "income.generalBudget"), toYuan(new Decimal(demo.income.generalBudget).minus(1).toFixed(2)));
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();
  await submit(page, workspaceUrl);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("已报送");
  await signOut(page);

  // Stage 1 (reviewer.<region>): in their queue on the dashboard, with the ceiling's use; passes it.
  await signIn(page, world.reviewer, world.password);
  await page.goto(`/review?region=${R}&year=2023`);
  const row = page.getByTestId("department-134");
  await expect(row.getByTestId("stage-cell")).toContainText("业务科室初审");
  await expect(row).toContainText("我的待办");
  await expect(row.getByTestId("ceiling-use")).toContainText(`一般公共预算拨款基本支出：${wan(ceilingWan)} / ${wan(ceilingWan)}（余 0.00）`);
  await page.getByLabel("我的待办").check();
  await expect(page.getByTestId("district-table").locator("tbody tr")).toHaveCount(1);
  await row.getByRole("link").click();
  await expect(page.getByTestId("review-stage")).toContainText("业务科室初审");
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "本阶段通过，转“局领导审定”" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已通过“业务科室初审”，转入“局领导审定”阶段" })).toBeVisible();
  // Not theirs any more.
  await page.reload();
  await expect(page.getByText("该预算不在您负责的审核阶段")).toBeVisible();
  await signOut(page);

  // Stage 2 returns it with a comment.
  await signIn(page, CHIEF, world.password);
  await page.goto(`/review?region=${R}&year=2023`);
  await page.getByLabel("审核阶段").selectOption({ label: "局领导审定" });
  await expect(page.getByTestId("department-134").getByTestId("stage-cell")).toContainText("局领导审定");
  await page.getByTestId("department-134").getByRole("link").click();
  await typeInto(page.getByLabel("退回意见（必填）"), "请压减会议费后重新报送");
  await page.getByRole("button", { name: "退回修改" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("已退回");
  await signOut(page);

  // The department submits again; both stages pass.
  await signIn(page, world.accountants["134"], world.password);
  await page.goto(workspaceUrl);
  await expect(page.getByTestId("returned-reason")).toContainText("请压减会议费后重新报送");
  await submit(page, workspaceUrl);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("已报送");
  await signOut(page);

  await signIn(page, world.reviewer, world.password);
  await page.goto(`/review/budgets/${budgetId}`);
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "本阶段通过，转“局领导审定”" }).click();
  await expect(page.getByRole("status").filter({ hasText: "转入“局领导审定”阶段" })).toBeVisible();
  await signOut(page);

  await signIn(page, CHIEF, world.password);
  await page.goto(`/review/budgets/${budgetId}`);
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "审核通过" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("审核通过");

  // The 批复: a PDF in the standard wording with the department's totals.
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "下达批复" }).click();
  await expect(page.getByTestId("reply-link")).toBeVisible();
  const pdf = await page.request.get(`/api/budgets/${budgetId}/reply`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const text = readPdfText(await pdf.body())
    .pages.join("\n")
    .replace(/\s+/g, "");
  expect(text).toMatch(/关于批复.+2023年部门预算的通知/);
  expect(text).toContain(`基本支出${wan(ceilingWan)}万元`);
  expect(text).toContain("二十日内");
  await expect(page.getByTestId("review-facts")).toContainText("批复");

  // Published; the trail names who passed which stage.
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "公开预算" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("已公开");
  await expect(page.locator("body")).toContainText("审核阶段通过");
});
