import { gzipSync } from "node:zlib";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/b/[region]/[year]/[unit]/route";
import { GET as GET_VERSION } from "@/app/b/[region]/[year]/[unit]/[version]/route";
import { BudgetPage } from "@/components/public/BudgetPage";
import { budgetPageProps } from "@/components/public/render-budget-page";
import { findPublishedBudget } from "@/lib/db/queries/public-snapshots";
import { seedDemo } from "@/lib/db/seed-demo";
import { tableLayouts } from "@/lib/public/layout";
import { forgetBudgetPages, PAGE_FORMAT, pageVersionsSize, trustPageVersionEvents } from "@/lib/public/static-page/budget-page";
import { applyCacheEvent } from "@/lib/server/cache-invalidation";
import { freezeSnapshot } from "@/lib/workflow/freeze-snapshot";
import { freshDatabase, type TestDatabase } from "../helpers/database";

let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase();
  // The route reads the database of the process (lib/db/client), this test's own.
  process.env.DATABASE_URL = t.url;
  await seedDemo(t.db, () => undefined);
});
afterAll(async () => t.drop());

const key104 = { region: "500109", year: 2024, unit: "104" };
const params = (version?: string, unit = "104") => ({ params: Promise.resolve({ region: "500109", year: "2024", unit, ...(version ? { version } : {}) }) });
const get = (headers: Record<string, string> = {}, unit = "104") =>
  GET(new Request(`http://localhost/b/500109/2024/${unit}`, { headers }), params(undefined, unit));
const getVersion = (version: string, headers: Record<string, string> = {}) =>
  GET_VERSION(new Request(`http://localhost/b/500109/2024/104/${version}`, { headers }), params(version));

const main = (html: string) => html.slice(html.indexOf("<main>") + 6, html.indexOf("</main>"));

describe("the public page of a published budget, rendered once to static HTML", () => {
  it("shows the frozen snapshot's figures, every amount of every table, as React renders the page", async () => {
    const published = (await findPublishedBudget(t.db, key104))!;
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await response.text();
    expect(html.startsWith('<!DOCTYPE html><html lang="zh-CN">')).toBe(true);
    expect(html).toContain("<title>重庆市北碚区人民政府办公室2024年部门预算 · 明账</title>");
    for (const grid of tableLayouts(published.tables)) {
      const start = html.indexOf(`<section class="dz-table" id="${grid.key}"`);
      expect(start, grid.key).toBeGreaterThan(0);
      const section = html.slice(start, html.indexOf("</section>", start));
      const shown = [...section.matchAll(/data-amount="([^"]*)"/g)].map((m) => m[1]);
      const frozen = grid.body.flatMap((r) => r.cells.flatMap((c) => (c.kind === "amount" ? [c.amount] : [])));
      expect(shown, grid.key).toEqual(frozen);
    }
    expect(html).toContain(">2,514.61<");
    // The same components through react-dom/server: the page's markup is React's, to the byte.
    const props = await budgetPageProps(key104, { snapshotId: published.snapshotId, withFinal: false });
    expect(main(html)).toBe(renderToStaticMarkup(createElement(BudgetPage, props)));
    // Downloads, trace links and the narrative's figures are all there, as plain links.
    expect(html).toContain(`href="/api/open/budgets/500109/2024/104/report.pdf?v=${published.snapshotId}"`);
    expect(html).toContain('href="/b/500109/2024/104/trace?table=T2');
    expect(html).toContain('id="narrative-figures"');
  });

  it("ships no React runtime: no script file, one small inline script (far under 50 KB gzipped)", async () => {
    const html = await (await get()).text();
    expect(html).not.toMatch(/<script[^>]*\ssrc=/);
    const inline = [...html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] as string);
    expect(inline).toHaveLength(1);
    expect(gzipSync(Buffer.from(inline.join(""))).length).toBeLessThan(50 * 1024);
    expect(html).not.toContain("/_next/");
  });

  it("is stored once per snapshot, compressed, and served from the store with a strong ETag", async () => {
    const published = (await findPublishedBudget(t.db, key104))!;
    const first = await get();
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    expect(first.headers.get("vary")).toBe("Accept-Encoding");
    expect(first.headers.get("cache-control")).toContain("s-maxage");
    const stored = await t.db.snapshotPage.findUniqueOrThrow({
      where: { snapshotId_withFinal_format: { snapshotId: published.snapshotId, withFinal: false, format: PAGE_FORMAT } },
    });
    expect(stored.etag).toBe(etag);
    const html = Buffer.from(await first.arrayBuffer());
    expect(html.equals(Buffer.from(stored.html))).toBe(true);
    // Another app server (nothing in memory) serves the stored bytes under the same ETag.
    forgetBudgetPages();
    const again = await get();
    expect(again.headers.get("etag")).toBe(etag);
    expect(Buffer.from(await again.arrayBuffer()).equals(html)).toBe(true);
    await expect(t.db.snapshotPage.updateMany({ data: { etag: '"x"' } })).rejects.toThrow();
  });

  it("sends the stored document whatever the Accept-Encoding (Next compresses route handlers' bodies itself)", async () => {
    const plain = Buffer.from(await (await get()).arrayBuffer());
    for (const encoding of ["gzip, deflate, br", "identity"]) {
      const response = await get({ "accept-encoding": encoding });
      expect(response.headers.get("content-encoding")).toBeNull();
      expect(Buffer.from(await response.arrayBuffer()).equals(plain)).toBe(true);
    }
  });

  it("answers 304 to its ETag, and serves its versioned address as immutable", async () => {
    const published = (await findPublishedBudget(t.db, key104))!;
    const etag = (await get()).headers.get("etag")!;
    const revalidated = await get({ "if-none-match": etag });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get("etag")).toBe(etag);
    expect(await revalidated.text()).toBe("");
    expect((await get({ "if-none-match": '"other"' })).status).toBe(200);

    const versioned = await getVersion(`v${published.snapshotId}`);
    expect(versioned.status).toBe(200);
    expect(versioned.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(versioned.headers.get("etag")).toBe(etag);
    expect((await getVersion(`v${published.snapshotId}`, { "if-none-match": `W/${etag}` })).status).toBe(304);
    expect((await getVersion("latest")).status).toBe(404);
  });

  it("gets a new versioned address when the budget is published again (预算调整); the old one leads to the current", async () => {
    const before = (await findPublishedBudget(t.db, key104))!;
    const oldEtag = (await get()).headers.get("etag")!;
    const budget = await t.db.budget.findFirstOrThrow({ where: { year: 2024, department: { code: "104" } } });
    const adjusted = await t.db.$transaction((tx) => freezeSnapshot(tx, budget.id, null));
    const now = await get();
    expect(now.headers.get("etag")).not.toBe(oldEtag);
    expect(await now.text()).toContain('data-testid="adjusted-note"');
    const current = await getVersion(`v${adjusted.id}`);
    expect(current.status).toBe(200);
    expect(current.headers.get("cache-control")).toContain("immutable");
    const old = await getVersion(`v${before.snapshotId}`);
    expect(old.status).toBe(302);
    expect(old.headers.get("location")).toBe("/b/500109/2024/104");
  });

  it("remembers which version a key shows while publication events arrive, and forgets it at each publication", async () => {
    trustPageVersionEvents(true);
    try {
      const etag = (await get()).headers.get("etag")!;
      expect(pageVersionsSize()).toBe(1);
      // Not published: never remembered, so a first publication shows at once.
      expect((await get({}, "134")).status).toBe(404);
      expect(pageVersionsSize()).toBe(1);
      const budget = await t.db.budget.findFirstOrThrow({ where: { year: 2024, department: { code: "104" } } });
      const previous = (await findPublishedBudget(t.db, key104))!;
      const adjusted = await t.db.$transaction((tx) => freezeSnapshot(tx, budget.id, null));
      // What the listener does when the publication's pg_notify arrives.
      applyCacheEvent({ kind: "adjustment", snapshotId: adjusted.id, supersededId: previous.snapshotId });
      expect(pageVersionsSize()).toBe(0);
      const now = await get();
      expect(now.headers.get("etag")).not.toBe(etag);
      expect((await getVersion(`v${adjusted.id}`)).status).toBe(200);
    } finally {
      trustPageVersionEvents(false);
    }
  });

  it("answers an unpublished or unknown budget with the Chinese 404 leading to the district's list", async () => {
    for (const response of [
      await get({}, "134"),
      await get({}, "99999"),
      await GET(new Request("http://localhost/b/x/2024/1"), params(undefined, "bad unit")),
    ]) {
      expect(response.status).toBe(404);
      const html = await response.text();
      expect(html).toContain("该预算尚未公开或不存在");
      expect(html).toContain('<a href="/">全部已公开的部门预算</a>');
    }
    expect(await (await get({}, "134")).text()).toContain('<a href="/b/500109/2024">2024 年已公开的部门预算</a>');
  });
});
