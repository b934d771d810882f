import { expect, test } from "@playwright/test";

const PAGE = "/b/500109/2024/104";

for (const viewport of [{ width: 375, height: 800 }, { width: 1280, height: 900 }]) {
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
  const table = page.locator("section.dz-table").filter({ has: page.locator("table.dz-grid") }).nth(1);
  await expect(table.locator(".dz-scroll-cue")).toBeVisible();
  const scroller = table.locator(".dz-scroll");
  const firstCell = table.locator("tbody tr").first().locator(":scope > *").first();
  const before = (await firstCell.boundingBox())!.x;
  await scroller.evaluate((el) => (el.scrollLeft = 200));
  await expect.poll(async () => (await firstCell.boundingBox())!.x).toBeCloseTo(before, 0);
  await context.close();
});
