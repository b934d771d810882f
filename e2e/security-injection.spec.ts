import { expect, request as playwrightRequest, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { readPdfText } from "@/test/support/pdf-text";
import { signIn } from "./helpers";
import { E2E_PORT, HOSTILE, loadWorld, SECURITY_PASSWORD, signInApi, WORLD, type World } from "./security-world";

/**
 * Injection: the hostile budget (974, published) has a department name, project names,
 * indicator names and narrative reasons made of <script>, "><img onerror>, =HYPERLINK(…),
 * +cmd|…, @SUM, -2+3+cmd and SQL. Everywhere they are shown they stay text: no script runs in
 * any page, no spreadsheet cell is a formula (hostile text is a plain text cell), no CSV field
 * starts like one, the PDF has no link or script.
 */

const baseURL = `http://localhost:${E2E_PORT}`;
const FORMULA_START = /^[=+\-@\t\r]/;
let world: World;
let key: string;

test.beforeAll(() => {
  test.setTimeout(120_000);
  world = loadWorld();
  key = `${WORLD.regionHere}/2024/${WORLD.units.hostile}`;
});

/** Loads `url` and fails on any sign that injected markup ran or became an element. */
async function expectInert(page: Page, url: string) {
  const dialogs: string[] = [];
  page.on("dialog", async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(200);
  await page.waitForLoadState("networkidle");
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), `${url}: injected script ran`).toBeUndefined();
  expect(await page.locator('img[src="x"]').count(), `${url}: injected <img> became an element`).toBe(0);
  // Next's own inline scripts carry the text inside JSON strings; an injected element would hold it bare.
  expect(
    await page.locator("script").evaluateAll((s) => s.filter((e) => e.textContent?.trim() === "window.__pwned=1").length),
    `${url}: injected <script> element`,
  ).toBe(0);
  expect(dialogs).toEqual([]);
  // Markdown typed as text: no link to the typed address, no heading made of the typed line.
  expect(await page.locator('a[href*="evil.example"]').count(), `${url}: typed Markdown became a link`).toBe(0);
  expect(await page.locator("h1, h2, h3, h4, h5, h6").filter({ hasText: "伪造的标题" }).count(), `${url}: typed Markdown became a heading`).toBe(0);
}

test("HTML: the public page and its print view show the hostile texts as text", async ({ page }) => {
  for (const url of [`/b/${key}`, `/b/${key}/print`]) {
    await expectInert(page, url);
    const text = await page.locator("body").innerText();
    expect(text, url).toContain(HOSTILE.unitName);
    expect(text, url).toContain(HOSTILE.script);
    expect(text, url).toContain(HOSTILE.markdownHeading);
    expect(text, url).toContain(HOSTILE.markdownLink);
  }
});

test("HTML: the accountant's and the reviewer's pages of the hostile budget are inert", async ({ browser }) => {
  test.setTimeout(120_000);
  const id = world.budgets.hostile.id;
  const accountant = await (await browser.newContext()).newPage();
  await signIn(accountant, WORLD.users.accountantHostile, SECURITY_PASSWORD);
  for (const section of ["", "/unit", "/projects", "/performance", "/narrative", "/preview"])
    await expectInert(accountant, `/workspace/budgets/${id}${section}`);
  const reviewer = await (await browser.newContext()).newPage();
  await signIn(reviewer, WORLD.users.reviewerHere, SECURITY_PASSWORD);
  await expectInert(reviewer, `/review/budgets/${id}`);
  await expectInert(reviewer, `/review?region=${WORLD.regionHere}&year=2024`);
});

function cellsOf(workbook: ExcelJS.Workbook) {
  const cells: { where: string; cell: ExcelJS.Cell }[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push({ where: `${sheet.name}!${cell.address}`, cell }))));
  return cells;
}

function expectNoUserFormula(cells: { where: string; cell: ExcelJS.Cell }[]) {
  const problems: string[] = [];
  for (const { where, cell } of cells) {
    if (cell.type === ExcelJS.ValueType.Formula) problems.push(`${where} is a formula: ${cell.formula}`);
    // Text that starts like a formula is fine in a text cell (shown, never evaluated; see
    // lib/export/xlsx.ts): what must not happen is that it is stored as anything but text.
    if (typeof cell.value === "string" && FORMULA_START.test(cell.value) && cell.type !== ExcelJS.ValueType.String)
      problems.push(`${where} starts like a formula and is not a text cell: ${cell.value}`);
  }
  expect(problems).toEqual([]);
}

test("Excel: no cell of the published tables is a formula; hostile text is a plain text cell", async ({ request }) => {
  const response = await request.get(`/api/open/budgets/${key}/tables.xlsx`);
  expect(response.status()).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await response.body()) as unknown as ArrayBuffer);
  const cells = cellsOf(workbook);
  expectNoUserFormula(cells);
  const texts = cells.map((c) => String(c.cell.value ?? ""));
  // The hostile texts are there, as text.
  expect(texts.some((t) => t.includes(HOSTILE.hyperlink))).toBe(true);
  expect(texts.some((t) => t.includes(HOSTILE.cmd))).toBe(true);
  for (const hostile of [HOSTILE.hyperlink, HOSTILE.cmd])
    for (const { cell } of cells.filter((c) => String(c.cell.value ?? "").includes(hostile)))
      // A merged range holds its value in the master cell; that one is what Excel shows.
      expect((cell.type === ExcelJS.ValueType.Merge ? cell.master : cell).type).toBe(ExcelJS.ValueType.String);
});

test("Excel: the reviewer's district workbook has no formula from user text", async () => {
  const r = await playwrightRequest.newContext({ baseURL });
  expect(await signInApi(r, WORLD.users.reviewerHere, SECURITY_PASSWORD)).toBe(true);
  const response = await r.get(`/review/export?region=${WORLD.regionHere}&year=2024`);
  expect(response.status()).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await response.body()) as unknown as ArrayBuffer);
  const cells = cellsOf(workbook);
  expectNoUserFormula(cells);
  expect(cells.some((c) => String(c.cell.value ?? "").includes(HOSTILE.unitName))).toBe(true);
  await r.dispose();
});

test("CSV: no field of the open lines starts like a formula", async ({ request }) => {
  const response = await request.get(`/api/open/lines.csv?region=${WORLD.regionHere}&year=2024&unit=${WORLD.units.hostile}`);
  expect(response.status()).toBe(200);
  const csv = (await response.body()).toString("utf8").replace(/^\ufeff/, "");
  const fields = [...csv.matchAll(/"((?:[^"]|"")*)"|([^,\r\n]+)/g)].map((m) => (m[1] ?? m[2] ?? "").replace(/""/g, '"'));
  expect(fields.filter((f) => FORMULA_START.test(f))).toEqual([]);
  expect(fields.some((f) => f.includes(HOSTILE.hyperlink))).toBe(true);
  expect(fields.some((f) => f.includes(HOSTILE.sql))).toBe(true);
});

test("PDF: the hostile texts are printed as text, with no link, script or action", async ({ request }) => {
  test.setTimeout(120_000);
  const response = await request.get(`/api/open/budgets/${key}/report.pdf`);
  expect(response.status()).toBe(200);
  const pdf = await response.body();
  const raw = pdf.toString("latin1");
  // A link annotation would hold its address as a literal string: "evil.example" would be in the file.
  for (const marker of ["/JavaScript", "/JS ", "/JS(", "/Launch", "/SubmitForm", "evil.example"]) expect(raw, marker).not.toContain(marker);
  const text = readPdfText(pdf).pages.join("\n").replace(/\s+/g, "");
  for (const t of [HOSTILE.hyperlink, HOSTILE.sql, HOSTILE.script, HOSTILE.markdownHeading, HOSTILE.markdownLink])
    expect(text).toContain(t.replace(/\s+/g, ""));
});
