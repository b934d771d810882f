import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Locator } from "@playwright/test";
import ExcelJS from "exceljs";
import Decimal from "decimal.js";
import { readPdfText } from "@/test/support/pdf-text";
import { seedDistrict, type SeededDistrict } from "./district-world";
import { gzipSync } from "node:zlib";
import { signIn, signOut, typeInto } from "./helpers";

/** The parts of the expected-tables fixture this spec reads. */
interface Expected {
  unit: unknown;
  T2: {
    total: Record<"prior" | "total" | "basic" | "project", string>;
    rows: { code: string; prior: string; total: string; basic: string; project: string }[];
  };
  T4: Record<"prior" | "current", Record<string, string>>;
  T11: unknown[];
  [table: string]: unknown;
}

const FIXTURE = JSON.parse(readFileSync(path.resolve(__dirname, "..", "test", "fixtures", "beibei-government-office-2024.expected.json"), "utf8")) as Expected;
// A copy of the demo district of this spec's own (104 published, 111 submitted, 134 a draft), so
// that the lists and sums below hold only what this spec seeded.
const REGION = { code: "500904", name: "重庆市北碚区（公开页测试）" };
const R = REGION.code;
const PAGE = `/b/${R}/2024/104`;
const API = `/api/open/budgets/${R}/2024/104`;
const OFFICE = "重庆市北碚区人民政府办公室";

/** "2,514.61" → "2514.61"; an empty cell is zero, as in the published tables. */
function money(text: string): string {
  const t = text.trim();
  return new Decimal(t === "" ? "0" : t.replace(/,/g, "")).toFixed(2);
}

let world: SeededDistrict;
test.beforeAll(() => {
  world = seedDistrict({ region: REGION });
});

async function cellAmounts(row: Locator): Promise<string[]> {
  const cells = row.locator("td.dz-num");
  return (await cells.allTextContents()).map(money);
}

test("a reader finds the published budget from the home page and reads T2 and T4 to the fen", async ({ page }) => {
  await page.goto("/");
  await page.getByTestId(`departments-${R}`).getByRole("link", { name: "2024 年部门预算" }).click();
  await expect(page).toHaveURL(PAGE);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`${OFFICE} 2024 年部门预算`);
  await expect(page.getByTestId("published-at")).toContainText(/公开日期：\d{4}年\d{1,2}月\d{1,2}日/);
  await expect(page.locator(".dz-narrative")).toContainText("2024年部门预算情况说明");

  const t2 = page.getByTestId("table-T2");
  await expect(page.locator("#T2-title")).toHaveText(`${OFFICE}一般公共预算财政拨款支出预算表`);
  const totalRow = t2.locator("tbody tr").first();
  await expect(totalRow.locator("td").first()).toHaveText("合计");
  const want = FIXTURE.T2.total;
  expect(await cellAmounts(totalRow)).toEqual([want.prior, want.total, want.basic, want.project]);
  // The rendered text itself, with separators.
  await expect(totalRow.locator("td.dz-num").nth(1)).toHaveText("2,514.61");
  // Every row of T2, code by code.
  const rows = t2.locator("tbody tr");
  await expect(rows).toHaveCount(1 + FIXTURE.T2.rows.length);
  for (const [i, r] of FIXTURE.T2.rows.entries()) {
    const row = rows.nth(i + 1);
    await expect(row.locator("td").first()).toHaveText(r.code);
    expect(await cellAmounts(row)).toEqual([r.prior, r.total, r.basic, r.project]);
  }
  await expect(page.locator("#T2 .dz-note")).toHaveText("备注：本表反映2024年当年一般公共预算财政拨款支出情况。");

  const t4 = page.getByTestId("table-T4");
  const keys = ["total", "abroad", "vehicle", "vehiclePurchase", "vehicleOperation", "reception"];
  expect(await cellAmounts(t4.locator("tbody tr").first())).toEqual([...keys.map((k) => FIXTURE.T4.prior[k]), ...keys.map((k) => FIXTURE.T4.current[k])]);
  // Zero is an empty cell (因公出国（境）费), as in the samples.
  await expect(t4.locator("tbody td.dz-num").nth(1)).toHaveText("");
  await expect(t4.locator("thead")).toContainText("公务用车购置及运行费");
  await expect(page.locator("#T5 .dz-note")).toHaveText("备注：本部门无政府性基金收支，故此表无数据。");

  // Charts and the comparison with last year.
  await expect(page.getByTestId("budget-charts").locator("svg")).toHaveCount(3);
  const compare = page.getByTestId("compare-by-class");
  await expect(compare.locator("tbody tr").first()).toContainText("2,890.22");
  await expect(compare.locator("tbody tr").first()).toContainText("减少 375.61");
});

test("the PDF holds the narrative and every table, one table per page", async ({ page }) => {
  await page.goto(PAGE);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "下载 PDF" }).click()]);
  // The page's own small script says the file is being made (no React runtime on this page).
  await expect(page.getByRole("status")).toContainText("正在生成文件");
  const file = await download.path();
  const pdf = readFileSync(file!);
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  const { pageCount, pages } = readPdfText(pdf);
  const tableTitles = [
    "财政拨款收支总表",
    "一般公共预算财政拨款支出预算表",
    "一般公共预算财政拨款基本支出预算表",
    "一般公共预算“三公”经费支出表",
    "政府性基金预算支出表",
    "部门收支总表",
    "部门收入总表",
    "部门支出总表",
    "2024年政府采购预算明细表",
    "2024年部门（单位）整体支出绩效目标表",
  ];
  const tableCount = tableTitles.length + FIXTURE.T11.length;
  // At least one page of narrative, and each table starts a page of its own.
  expect(pageCount).toBeGreaterThanOrEqual(1 + tableCount);
  const all = pages.join("\n");
  expect(all).toContain("2024年部门预算情况说明");
  for (const title of tableTitles) {
    const starts = pages.filter((p) => p.replace(/\s+/g, "").startsWith(title.includes("绩效目标表") ? title : `${OFFICE}${title}`));
    expect(starts.length, title).toBe(1);
  }
  expect(pages.filter((p) => p.replace(/\s+/g, "").startsWith("2024年项目支出绩效目标表"))).toHaveLength(FIXTURE.T11.length);
  const t2Page = pages.find((p) => p.includes("一般公共预算财政拨款支出预算表") && p.includes("功能分类科目"))!;
  expect(t2Page).toContain("2,514.61");
  expect(t2Page).toContain("2,890.22");
});

test("the Excel workbook has one sheet per table, with numbers stored as numbers", async ({ page }) => {
  await page.goto(PAGE);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "下载 Excel" }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
  const names = wb.worksheets.map((w) => w.name);
  expect(names).toEqual([
    "T1 财政拨款收支总表",
    "T2 一般公共预算财政拨款支出预算表",
    "T3 一般公共预算财政拨款基本支出预算表",
    "T4 一般公共预算“三公”经费支出表",
    "T5 政府性基金预算支出表",
    "T6 部门收支总表",
    "T7 部门收入总表",
    "T8 部门支出总表",
    "T9 2024年政府采购预算明细表",
    "T10 2024年部门（单位）整体支出绩效目标表",
    "T11-1 2024年项目支出绩效目标表",
    "T11-2 2024年项目支出绩效目标表",
  ]);
  const t2 = wb.getWorksheet("T2 一般公共预算财政拨款支出预算表")!;
  expect(t2.getCell("A1").value).toBe(`${OFFICE}一般公共预算财政拨款支出预算表`);
  // Title, 单位：万元, two header rows, then 合计.
  expect(t2.getCell("A5").value).toBe("合计");
  const totals = ["C5", "D5", "E5", "F5"].map((a) => t2.getCell(a).value);
  for (const v of totals) expect(typeof v).toBe("number");
  expect(totals.map((v) => (v as number).toFixed(2))).toEqual([
    FIXTURE.T2.total.prior,
    FIXTURE.T2.total.total,
    FIXTURE.T2.total.basic,
    FIXTURE.T2.total.project,
  ]);
  expect(t2.getCell("C5").numFmt).toContain("#,##0.00");
  // Merged header: 功能分类科目 over 科目编码 and 科目名称.
  expect(t2.getCell("B3").isMerged).toBe(true);
  expect(t2.getCell("B3").master.address).toBe("A3");
  expect(t2.getCell("A4").value).toBe("科目编码");
  const t4 = wb.getWorksheet("T4 一般公共预算“三公”经费支出表")!;
  expect(t4.getRow(6).values).toEqual([undefined, 37, 0, 33, 0, 33, 4, 27.5, 0, 24, 0, 24, 3.5]);
});

test("the JSON API returns the package, the narrative and the fixture's tables", async ({ request }) => {
  const response = await request.get(API);
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toContain("s-maxage");
  const body = await response.json();
  expect(body.package.format).toBe("budget-package/1");
  expect(body.package.unit.code).toBe("104");
  expect(body.narrative).toContain("2024年部门预算情况说明");
  for (const id of Object.keys(FIXTURE).filter((k) => /^T\d+$/.test(k))) {
    const got = structuredClone(body.tables[id]);
    // The government-office fixture's T11 has no printed `title` (NOTES.md, expected.json shape).
    if (id === "T11") for (const t of got) delete t.title;
    expect(got, id).toEqual(FIXTURE[id]);
  }
  expect(body.tables.unit).toEqual(FIXTURE.unit);

  // The versioned URL is immutable.
  const versioned = await request.get(`${API}?v=${body.published.snapshotId}`);
  expect(versioned.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");

  const list = await (await request.get(`/api/open/budgets?region=${R}`)).json();
  expect(
    (list as { budgets: { region: { code: string }; year: number; unit: { code: string } }[] }).budgets.map((b) => `${b.region.code}/${b.year}/${b.unit.code}`),
  ).toEqual([`${R}/2024/104`]);
  expect(list.budgets[0].totals).toMatchObject({ total: "2514.61", basic: "1746.21", project: "768.40", threePublic: "27.50", change: "-375.61" });
  expect(list.budgets[0].urls.xlsx).toContain("/tables.xlsx?v=");

  const csv = await request.get(`/api/open/lines.csv?region=${R}&year=2024`);
  expect(csv.status()).toBe(200);
  const lines = (await csv.text())
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  expect(lines[0]).toContain("function_code");
  const body104 = lines.slice(1);
  const sum = body104.reduce((s, l) => s.plus(new Decimal(l.split(",").at(-2)!)), new Decimal(0));
  expect(sum.dividedBy(10_000).toFixed(2)).toBe("2514.61");
});

test("unpublished budgets and unknown addresses answer 404 to the public", async ({ page, request }) => {
  for (const url of [`/b/${R}/2023/134`, `/b/${R}/2024/111`, `/b/${R}/2024/999`, `/b/${R}/2023`, `/b/${R}/abc/104`, `/b/${R}/2024/104/print?v=999999`]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
  }
  await expect(page.getByText("重庆市北碚区政务服务管理办公室")).toHaveCount(0);
  for (const base of [`/api/open/budgets/${R}/2023/134`, `/api/open/budgets/${R}/2024/111`, `/api/open/budgets/${R}/2025/104`]) {
    for (const suffix of ["", "/tables.xlsx", "/report.pdf"]) {
      const r = await request.get(base + suffix);
      expect(r.status(), base + suffix).toBe(404);
    }
  }
  expect((await request.get(`/api/open/lines.csv?region=${R}&unit=134`)).status()).toBe(404);
  const list = await (await request.get(`/api/open/budgets?region=${R}&year=2023`)).json();
  expect(list.budgets).toEqual([]);
});

test("the district page lists published departments with totals; the home page searches", async ({ page }) => {
  await page.goto("/");
  await page
    .getByTestId(`years-${R}`)
    .getByRole("link", { name: /2024 年/ })
    .click();
  await expect(page).toHaveURL(`/b/${R}/2024`);
  const table = page.getByTestId("district-budgets");
  await expect(table.locator("tbody tr")).toHaveCount(2);
  await expect(table).toContainText(OFFICE);
  await expect(table).not.toContainText("信访办公室");
  await expect(page.getByTestId("district-total")).toContainText("2,514.61");
  await expect(page.getByTestId("district-by-class")).toContainText("一般公共服务支出");

  await page.goto("/");
  await typeInto(page.getByLabel("按部门名称或编码查找"), "信访");
  await page.getByRole("button", { name: "查找" }).click();
  const departments = page.getByTestId(`departments-${R}`);
  await expect(departments.locator("tbody tr")).toHaveCount(1);
  await expect(departments).toContainText("111");
  await expect(departments).toContainText("尚未公开");
  await page.goto("/?q=104");
  await expect(page.getByTestId(`departments-${R}`).locator("tbody tr")).toHaveCount(1);
});

test("the budget page reads on a phone", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  await page.goto(PAGE);
  // Wide tables scroll inside their box; the page itself does not scroll sideways.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  await context.close();
});

test("the page is static HTML without the React runtime, cached by a strong ETag, immutable at its versioned address", async ({ page, request }) => {
  const scripts: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "script") scripts.push(r.url());
  });
  await page.goto(PAGE);
  await expect(page.getByTestId("table-T2")).toBeVisible();
  expect(scripts).toEqual([]);
  const inline = await page.locator("script").evaluateAll((all) => all.map((s) => s.textContent ?? "").join("\n"));
  expect(gzipSync(inline).length).toBeLessThan(50 * 1024);
  // The header's signed-out part, filled in by that script.
  await expect(page.locator("header.shell").getByRole("link", { name: "登录" })).toBeVisible();

  const first = await request.get(PAGE, { headers: { "accept-encoding": "br, gzip" } });
  expect(first.status()).toBe(200);
  // The stored brotli bytes, sent as stored by the front door (lib/cli/server.cjs), decoded by the client.
  expect(first.headers()["content-encoding"]).toBe("br");
  expect(first.headers()["vary"]).toContain("Accept-Encoding");
  const etag = first.headers()["etag"]!;
  expect(etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
  expect((await request.get(PAGE, { headers: { "if-none-match": etag } })).status()).toBe(304);
  const gz = await request.get(PAGE, { headers: { "accept-encoding": "gzip" } });
  expect(gz.headers()["content-encoding"]).toBe("gzip");
  expect(await gz.text()).toBe(await first.text());
  expect(await first.text()).toContain("<!DOCTYPE html>");

  const pdf = await page.getByRole("link", { name: "下载 PDF" }).getAttribute("href");
  const snapshotId = /\?v=(\d+)$/.exec(pdf ?? "")?.[1];
  expect(snapshotId).toBeDefined();
  const versioned = await request.get(`${PAGE}/v${snapshotId}`);
  expect(versioned.status()).toBe(200);
  expect(versioned.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect(versioned.headers()["etag"]).toBe(etag);
  expect(versioned.headers()["content-security-policy"]).toContain("default-src 'self'");
  expect((await request.get(`${PAGE}/v${snapshotId}`, { headers: { "if-none-match": etag } })).status()).toBe(304);
  expect((await request.get(`${PAGE}/v${snapshotId}-f`, { maxRedirects: 0 })).status()).toBe(302);
});

test("a signed-in reader of the static page sees who is signed in, and signs out from it", async ({ page }) => {
  await signIn(page, world.reviewer, world.password);
  await page.goto(PAGE);
  await expect(page.getByTestId("current-user")).toBeVisible();
  await expect(page.locator("header.shell nav a")).not.toHaveCount(1);
  await signOut(page);
  await expect(page).toHaveURL("/");
});
