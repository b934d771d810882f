import Decimal from "decimal.js";
import { unzipSync } from "fflate";
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signIn, signOut } from "./helpers";
import { accountantOf, reviewerOf, seedDistrict, type SeededDistrict } from "./district-world";

/**
 * Long work left running (issue 19 §2): a reviewer starts the district's PDFs as a background
 * job, follows it on the jobs page, reloads, and downloads a ZIP of real PDFs named after the
 * departments; an accountant uploads two packages at once and reads each file's outcome, one
 * refused naming the file and the field, the other applied.
 */
const REGION = { code: "500914", name: "后台任务测试区" };
const dir = mkdtempSync(path.join(tmpdir(), "mingzhang-e2e-jobs-"));
let world: SeededDistrict;

test.beforeAll(() => {
  world = seedDistrict({ region: REGION, budgets: { "104": "PUBLISHED", "111": "APPROVED", "134": "DRAFT" } });
});

test("a reviewer leaves the district's PDFs running, comes back and downloads the ZIP", async ({ page }) => {
  await signIn(page, reviewerOf(REGION.code), world.password);
  await page.goto(`/review?region=${REGION.code}&year=2024`);
  await page.getByRole("button", { name: "生成全区预算 PDF（ZIP，后台进行）" }).click();
  await expect(page).toHaveURL(/\/jobs$/);
  const job = page.getByTestId("job-list").locator("li").first();
  await expect(job).toContainText("全区预算 PDF");
  await expect(job.getByTestId("job-progress")).toBeVisible();

  // Leaving and coming back changes nothing: the job goes on on the server.
  await page.goto("/workspace").catch(() => undefined);
  await page.goto("/jobs");
  await page.reload();
  const again = page.getByTestId("job-list").locator("li").first();
  await expect(again).toHaveAttribute("data-status", "done", { timeout: 60_000 });
  await expect(again.getByTestId("job-count")).toContainText("2 / 2");
  await expect(again.getByTestId("job-items")).toContainText("重庆市北碚区人民政府办公室");
  await expect(again.getByTestId("job-items")).toContainText("重庆市北碚区信访办公室");

  const [download] = await Promise.all([page.waitForEvent("download"), again.getByTestId("job-result").click()]);
  expect(download.suggestedFilename()).toBe(`${REGION.code}-2024-部门预算PDF.zip`);
  const zip = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
  const names = Object.keys(zip).sort();
  expect(names).toEqual(["104-重庆市北碚区人民政府办公室-2024年部门预算（公开版）.pdf", "111-重庆市北碚区信访办公室-2024年部门预算（审核通过未公开）.pdf"]);
  for (const name of names) expect(Buffer.from(zip[name]!.subarray(0, 5)).toString()).toBe("%PDF-");

  // Another user does not see the job nor its result.
  const jobId = (await again.getAttribute("data-testid"))!.replace("job-", "");
  await signOut(page);
  await signIn(page, accountantOf(REGION.code, "134"), world.password);
  expect((await page.request.get(`/api/jobs/${jobId}/result`)).status()).toBe(404);
  await page.goto("/jobs");
  await expect(page.getByTestId(`job-${jobId}`)).toHaveCount(0);
});

test("an accountant uploads two packages at once: one refused naming the file and field, the other applied", async ({ page }) => {
  const draft = world.budgets["134"]!;
  await signIn(page, accountantOf(REGION.code, "134"), world.password);
  const exported = await page.request.get(`/api/budgets/${draft.id}/package`);
  expect(exported.ok()).toBe(true);
  const pkg = (await exported.json()) as { amountUnit: "元" | "万元"; basicExpenditure: { amount: string }[]; year: number };
  const before = await page.request.get(`/api/budgets/${draft.id}/tables`);
  const t3Before = (await before.json()).tables.T3.total.total as string;

  // The good one: the first basic line 10,000 元 (1.00 万元) higher.
  const good = structuredClone(pkg);
  good.basicExpenditure[0]!.amount = new Decimal(pkg.basicExpenditure[0]!.amount).plus(pkg.amountUnit === "万元" ? 1 : 10_000).toFixed();
  const bad = structuredClone(pkg);
  bad.basicExpenditure[1]!.amount = "一千元";
  const goodFile = path.join(dir, "134-2023-修改.json");
  const badFile = path.join(dir, "134-2023-有误.json");
  writeFileSync(goodFile, JSON.stringify(good));
  writeFileSync(badFile, JSON.stringify(bad));

  await page.goto("/workspace");
  const panel = page.getByTestId("batch-import");
  await panel.locator('input[type="file"]').setInputFiles([badFile, goodFile]);
  await panel.getByRole("button", { name: "开始批量导入" }).click();
  await expect(page).toHaveURL(/\/jobs$/);
  const job = page.getByTestId("job-list").locator("li").first();
  await expect(job).toContainText("批量导入");
  await expect(job).toHaveAttribute("data-status", "done", { timeout: 60_000 });
  await expect(job.getByTestId("job-count")).toContainText("2 / 2");
  const refused = job.locator("tr[data-ok='0']");
  await expect(refused).toContainText("134-2023-有误.json");
  await expect(refused).toContainText("预算未作任何修改");
  await expect(refused.locator("li")).toHaveCount(1);
  await expect(refused.locator("li")).toContainText("基本支出[1].金额（basicExpenditure[1].amount）");
  const applied = job.locator("tr[data-ok='1']");
  await expect(applied).toContainText("134-2023-修改.json");
  await expect(applied).toContainText("已导入预算包");

  const after = await page.request.get(`/api/budgets/${draft.id}/tables`);
  const t3After = (await after.json()).tables.T3.total.total as string;
  expect(new Decimal(t3After).minus(t3Before).toFixed(2)).toBe("1.00");
});
