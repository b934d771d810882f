import { expect, test, type Page } from "@playwright/test";
import { seedDistrict, type SeededDistrict } from "./district-world";
import { signIn, typeAndCheck, typeInto } from "./helpers";

/**
 * The 基本支出 grid as accountants use it: typed key by key, moved through with the keyboard,
 * filled by pasting from Excel. 104's accountant works on a 2025 draft started from the
 * published 2024 budget, copied into a region of this spec's own.
 */
const REGION = { code: "500910", name: "重庆市北碚区（表格测试）" };
let world: SeededDistrict;
test.beforeAll(() => {
  world = seedDistrict({ region: REGION, budgets: { "104": "PUBLISHED" } });
});
const field = (page: Page, path: string) => page.locator(`[id="${path}"]`);
const gridRows = (page: Page) => page.getByTestId("basic-grid").locator("tbody tr[data-row]");
const saveButton = (page: Page) => page.getByRole("button", { name: "保存", exact: true });

/** Puts text on the clipboard and presses Ctrl+V in the focused cell, as after copying in Excel. */
async function pasteInto(page: Page, text: string) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press("ControlOrMeta+v");
}

// 20 lines as copied from a WPS sheet: codes with names, names alone, a short fund name, amounts
// with separators, full-width digits and spaces; the last amount cannot be read.
const ECONOMICS = [
  "30101",
  "30102 津贴补贴",
  "30103",
  "30107",
  "30108",
  "30109",
  "30110",
  "30112",
  "30113",
  "其他工资福利支出",
  "办公费",
  "30202",
  "30203",
  "30204",
  "30205 水费",
  "30206",
  "30207",
  "30211",
  "30213",
  "会议费",
];
const AMOUNTS = [
  "1,234.56",
  "１２３４",
  "1 000",
  "200000",
  "3,000.5",
  "4000",
  "5000",
  "6000",
  "7000",
  "8000",
  "9000",
  "10000",
  "11000",
  "12000",
  "13000",
  "14000",
  "15000",
  "16000",
  "17000",
  "一万",
];
const TSV = ECONOMICS.map((eco, i) => ["2010301 行政运行", eco, "政府性基金", AMOUNTS[i]].join("\t")).join("\r\n") + "\r\n";

let budgetUrl = "";
test.describe.serial("the 基本支出 grid", () => {
  test("starts a 2025 draft for 104", async ({ page }) => {
    await signIn(page, world.accountants["104"], world.password);
    await page.goto("/workspace");
    await page.getByRole("button", { name: "编制 2025 年预算" }).click();
    await expect(page).toHaveURL(/\/workspace\/budgets\/\d+$/);
    budgetUrl = new URL(page.url()).pathname;
  });

  test("every cell of every grid keeps the focus while 700000 is typed into it", async ({ page }) => {
    // About 400 keys typed one by one: at a load average of 17 (other builds on the two cores) this
    // passed 180 s; the bound is for a stuck test, not a speed (bench measures speed).
    test.setTimeout(360_000);
    // Leaving each page unsaved is on purpose here.
    page.on("dialog", (d) => void d.accept());
    await signIn(page, world.accountants["104"], world.password);
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

  test("keys move like a spreadsheet; Enter never saves; Ctrl+Enter and Ctrl+Delete add and remove a line; Ctrl+S saves", async ({ page }) => {
    await signIn(page, world.accountants["104"], world.password);
    await page.goto(`${budgetUrl}/basic`);
    await expect(page.getByTestId("grid-shortcuts")).toBeAttached();
    const rows = await gridRows(page).count();
    await field(page, "basicExpenditure[0].function").click();
    await page.keyboard.press("ArrowDown");
    await expect(field(page, "basicExpenditure[1].function")).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(field(page, "basicExpenditure[1].economic")).toBeFocused();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(field(page, "basicExpenditure[1].amount")).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(field(page, "basicExpenditure[2].function")).toBeFocused();
    await page.keyboard.press("Shift+Tab");
    await expect(field(page, "basicExpenditure[1].amount")).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(field(page, "basicExpenditure[2].amount")).toBeFocused();
    await page.keyboard.press("Shift+Enter");
    await expect(field(page, "basicExpenditure[1].amount")).toBeFocused();
    await page.keyboard.press("ArrowUp");
    await expect(field(page, "basicExpenditure[0].amount")).toBeFocused();
    // Enter did not save (nothing was changed, and nothing was sent).
    await expect(page.getByRole("status")).toHaveCount(0);
    // Saving an unchanged section says so and records nothing.
    await page.keyboard.press("ControlOrMeta+s");
    await expect(page.getByRole("status")).toContainText("没有需要保存的修改");

    await page.keyboard.press("ControlOrMeta+Enter");
    await expect(gridRows(page)).toHaveCount(rows + 1);
    await expect(field(page, "basicExpenditure[1].function")).toBeFocused();
    await expect(field(page, "basicExpenditure[1].function")).toHaveValue("");
    await page.keyboard.press("ControlOrMeta+Delete");
    await expect(gridRows(page)).toHaveCount(rows);

    await typeInto(field(page, "basicExpenditure[0].amount"), "2329700");
    await page.keyboard.press("Enter");
    await page.keyboard.press("ControlOrMeta+s");
    await expect(page.getByRole("status")).toContainText("已保存");
  });

  test("a 20-line block pasted from Excel lands converted, unreadable cells marked, one undo takes it back, and it saves", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await signIn(page, world.accountants["104"], world.password);
    await page.goto(`${budgetUrl}/basic`);
    const rows = await gridRows(page).count();
    const total = await page.getByTestId("basic-total").textContent();
    await page.getByRole("button", { name: "添加一行" }).click();
    await expect(field(page, `basicExpenditure[${rows}].function`)).toBeFocused();
    await pasteInto(page, TSV);
    await expect(gridRows(page)).toHaveCount(rows + 20);
    const report = page.getByTestId("paste-report");
    await expect(report).toContainText("已粘贴 20 行");
    await expect(report).toContainText(`第 ${rows + 20} 行 金额：“一万”不是金额`);
    await expect(field(page, `basicExpenditure[${rows + 19}].amount`)).toHaveValue("一万");
    await expect(field(page, `basicExpenditure[${rows + 19}].amount`)).toHaveAttribute("aria-invalid", "true");
    await expect(field(page, `basicExpenditure[${rows}].amount`)).toHaveValue("1,234.56");
    await expect(field(page, `basicExpenditure[${rows + 1}].amount`)).toHaveValue("1,234.00");
    await expect(field(page, `basicExpenditure[${rows + 2}].amount`)).toHaveValue("1,000.00");
    await expect(field(page, `basicExpenditure[${rows + 1}].economic`)).toHaveValue("30102");
    await expect(field(page, `basicExpenditure[${rows + 9}].economic`)).toHaveValue("30199");
    await expect(field(page, `basicExpenditure[${rows}].fund`)).toHaveValue("governmentFund");
    if (process.env.DOCS_SCREENSHOTS) {
      await page.setViewportSize({ width: 1440, height: 900 });
      await field(page, `basicExpenditure[${rows + 12}].amount`).scrollIntoViewIfNeeded();
      await page.screenshot({ path: "docs/basic-grid.png" });
    }

    // One undo takes the whole paste back.
    await page.keyboard.press("ControlOrMeta+z");
    await expect(gridRows(page)).toHaveCount(rows + 1);
    await expect(field(page, `basicExpenditure[${rows}].function`)).toHaveValue("");

    await field(page, `basicExpenditure[${rows}].function`).click();
    await pasteInto(page, TSV);
    await expect(gridRows(page)).toHaveCount(rows + 20);
    await typeInto(field(page, `basicExpenditure[${rows + 19}].amount`), "10000");
    await saveButton(page).click();
    await expect(page.getByRole("status")).toContainText("已保存");
    await page.reload();
    await expect(gridRows(page)).toHaveCount(rows + 20);
    await expect(field(page, `basicExpenditure[${rows + 19}].amount`)).toHaveValue("10,000.00");
    expect(await page.getByTestId("basic-total").textContent()).not.toBe(total);
  });

  test("a line is split by duplicating it; a duplicate is marked on both rows, named, and can be merged", async ({ page }) => {
    await signIn(page, world.accountants["104"], world.password);
    await page.goto(`${budgetUrl}/basic`);
    const rows = await gridRows(page).count();
    const total = await page.getByTestId("basic-total").textContent();
    await typeInto(field(page, "basicExpenditure[1].amount"), "1000000");
    await page.getByRole("button", { name: "复制第 2 行" }).click();
    await expect(gridRows(page)).toHaveCount(rows + 1);
    await expect(page.getByTestId("duplicate-1")).toContainText("第 2 行与第 3 行重复");
    await expect(page.getByTestId("duplicate-2")).toContainText("第 3 行与第 2 行重复");
    // 保存 says why it does not save.
    await saveButton(page).click();
    await expect(page.getByRole("alert").filter({ hasText: "未保存" })).toContainText("重复");

    // Merge puts them back together (amounts added up)…
    await page.getByTestId("duplicate-1").getByRole("button", { name: "合并为一行（金额相加）" }).click();
    await expect(gridRows(page)).toHaveCount(rows);
    await expect(field(page, "basicExpenditure[1].amount")).toHaveValue("2,000,000.00");

    // …and a split changes the copy's fund and shares the amount.
    await typeInto(field(page, "basicExpenditure[1].amount"), "600000");
    await field(page, "basicExpenditure[1].amount").press("ControlOrMeta+d");
    await expect(field(page, "basicExpenditure[2].fund")).toBeFocused();
    await field(page, "basicExpenditure[2].fund").selectOption("specialAccount");
    await expect(page.getByTestId("duplicate-1")).toHaveCount(0);
    await typeInto(field(page, "basicExpenditure[2].amount"), "400000");
    await saveButton(page).click();
    await expect(page.getByRole("status")).toContainText("已保存");
    await page.reload();
    await expect(field(page, "basicExpenditure[2].fund")).toHaveValue("specialAccount");
    await expect(field(page, "basicExpenditure[2].amount")).toHaveValue("400,000.00");
    expect(total).not.toBeNull();
  });

  test("an empty amount is named instead of saved as 0.00; amounts can be typed in 万元", async ({ page }) => {
    await signIn(page, world.accountants["104"], world.password);
    await page.goto(`${budgetUrl}/basic`);
    const rows = await gridRows(page).count();
    await page.getByRole("button", { name: "添加一行" }).click();
    await page.keyboard.type("2010301");
    await page.keyboard.press("Tab");
    await page.keyboard.type("30213");
    await saveButton(page).click();
    await expect(page.getByRole("alert").filter({ hasText: "未保存" })).toContainText(`基本支出 第 ${rows + 1} 行 金额`);
    await expect(field(page, `basicExpenditure[${rows}].amount-error`)).toContainText("请填写金额");

    await page.getByLabel("万元").check();
    await typeAndCheck(field(page, `basicExpenditure[${rows}].amount`), "12.5");
    await page.getByLabel("元", { exact: true }).check();
    await expect(field(page, `basicExpenditure[${rows}].amount`)).toHaveValue("125,000.00");
    await page.keyboard.press("ControlOrMeta+s");
    await expect(page.getByRole("status")).toContainText("已保存");
  });

  test("500 lines stay responsive: typing in the last one keeps up, and they save", async ({ page, context }) => {
    test.setTimeout(180_000);
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await signIn(page, world.accountants["104"], world.password);
    await page.goto(`${budgetUrl}/basic`);
    const rows = await gridRows(page).count();
    const options = (list: string) => page.locator(`#${list} option`).evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const functions = await options("function-subjects");
    const economics = await options("economic-subjects");
    // Distinct 项 × 款 pairs with a fund no other line uses: no duplicates among them.
    const pairs = functions.flatMap((fn) => economics.map((eco) => [fn, eco]));
    const count = 500 - rows;
    expect(pairs.length).toBeGreaterThanOrEqual(count);
    const tsv = pairs
      .slice(0, count)
      .map(([fn, eco], i) => `${fn}\t${eco}\t国有资本经营预算拨款\t${1000 + i}`)
      .join("\n");
    await page.getByRole("button", { name: "添加一行" }).click();
    await pasteInto(page, tsv);
    // A long grid keeps only the lines near the screen in the page; the count says all are there.
    await expect(page.getByTestId("grid-line-count")).toHaveText("500");
    expect(await gridRows(page).count()).toBeLessThan(120);
    // Ctrl+End goes to the last line (scrolled into the page), Ctrl+Home back to the first.
    await page.keyboard.press("ControlOrMeta+End");
    await expect(field(page, "basicExpenditure[499].function")).toBeFocused();
    await page.keyboard.press("ControlOrMeta+Home");
    await expect(field(page, "basicExpenditure[0].function")).toBeFocused();
    await page.keyboard.press("ControlOrMeta+End");
    for (let i = 0; i < 3; i++) await page.keyboard.press("Tab");
    await expect(field(page, "basicExpenditure[499].amount")).toBeFocused();
    // Arrow keys walk up into lines that were not in the page.
    for (let i = 0; i < 60; i++) await page.keyboard.press("ArrowUp");
    await expect(field(page, "basicExpenditure[439].amount")).toBeFocused();
    await page.keyboard.press("ControlOrMeta+End");
    await expect(field(page, "basicExpenditure[499].amount")).toBeFocused();

    // The browser's find cannot see lines outside the page: Ctrl+F in the grid opens its own,
    // which searches every line and scrolls the match in; F3 goes on to the next.
    await page.keyboard.press("ControlOrMeta+f");
    await expect(page.getByTestId("grid-find")).toBeFocused();
    await page.getByTestId("grid-find").pressSequentially("1,300");
    await page.keyboard.press("Enter");
    const focusedAmount = () =>
      page.evaluate(() => ({ id: document.activeElement?.id ?? "", value: (document.activeElement as HTMLInputElement | null)?.value ?? "" }));
    const first = await focusedAmount();
    expect(first.id).toMatch(/^basicExpenditure\[\d+\]\.amount$/);
    expect(first.value.replace(/,/g, "")).toContain("1300");
    await expect(page.getByTestId("grid-find-status")).toContainText(/第 1 \/ \d+ 处/);
    await page.keyboard.press("ControlOrMeta+f");
    await page.getByTestId("grid-find").press("Control+a");
    await page.getByTestId("grid-find").pressSequentially("没有这一行");
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("grid-find-status")).toHaveText("没有找到“没有这一行”");
    // Escape goes back to the cell the find left from.
    await page.keyboard.press("Escape");
    await expect(field(page, first.id)).toBeFocused();
    await page.keyboard.press("ControlOrMeta+End");
    await expect(field(page, "basicExpenditure[499].amount")).toBeFocused();

    // Typing keeps up (every key lands in the cell); how fast is measured by `npm run bench`
    // (grid_500_key_p95_ms), never asserted here.
    await typeAndCheck(field(page, "basicExpenditure[499].amount"), "700000", "700,000");
    await page.keyboard.press("ControlOrMeta+s");
    // Saving 500 lines (checks, trail, one transaction) took over 30 s while other builds shared
    // the two cores; the wait is for the answer, not a speed bound (see docs/performance.md).
    await expect(page.locator(".savebar").getByRole("status")).toContainText("已保存", { timeout: 120_000 });
  });
});
