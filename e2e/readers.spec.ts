import { expect, test } from "@playwright/test";
import { seedDistrict } from "./district-world";

// The demo's published 104 budget, copied into a region of this spec's own.
const REGION = { code: "500905", name: "重庆市北碚区（读者测试）" };
const PAGE = `/b/${REGION.code}/2024/104`;
test.beforeAll(() => {
  seedDistrict({ region: REGION, budgets: { "104": "PUBLISHED" } });
});

for (const viewport of [
  { width: 375, height: 800 },
  { width: 1280, height: 900 },
]) {
  test(`chart text is at least 12 px and the 类 bars run largest first (${viewport.width} px wide)`, async ({ browser }) => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(PAGE);
    const charts = page.getByTestId("budget-charts").locator("svg");
    await expect(charts.first()).toBeVisible();
    const smallest = await charts.evaluateAll((svgs) =>
      Math.min(
        ...svgs.flatMap((svg) => {
          const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
          return [...svg.querySelectorAll("text")].map((t) => Number(t.getAttribute("font-size") ?? 16) * scale);
        }),
      ),
    );
    expect(smallest).toBeGreaterThanOrEqual(12);
    const amounts = await charts
      .first()
      .locator("rect > title")
      .evaluateAll((titles) => titles.map((t) => Number((t.textContent ?? "").replace(/^.*：|[,\s万元]/g, ""))));
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    await context.close();
  });
}

test("on a phone a wide table scrolls under its sticky first column, with a cue", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  await page.goto(PAGE);
  // The widest table of the page.
  const widest = await page.locator(".dz-scroll").evaluateAll((boxes) => {
    const overflow = boxes.map((b) => b.scrollWidth - b.clientWidth);
    return overflow.indexOf(Math.max(...overflow));
  });
  const scroller = page.locator(".dz-scroll").nth(widest);
  expect(await scroller.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeGreaterThan(50);
  await expect(page.locator(".dz-scroll-cue").nth(widest)).toBeVisible();
  const firstCell = scroller.locator("tbody tr").first().locator(":scope > *").first();
  const before = (await firstCell.boundingBox())!.x;
  await scroller.evaluate((el) => (el.scrollLeft = 200));
  // (A pixel either way: the column's border stays with it.)
  await expect.poll(async () => Math.abs((await firstCell.boundingBox())!.x - before)).toBeLessThan(3);
  const second = scroller.locator("tbody tr").first().locator(":scope > *").nth(1);
  expect((await second.boundingBox())!.x).toBeLessThan(before + 200);
  await context.close();
});
