import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { formatWanDisplay } from "@/lib/format";
import { buildNarrative } from "@/lib/budget/narrative";
import { loadFixtures } from "@/test/support/budget/fixtures";
import { narrativeKeys, traceNarrative, traceSource } from "@/lib/budget/trace";
import { buildFinalNarrative } from "@/lib/final/evaluate";
import { loadFinalFixtures } from "@/test/support/final/fixtures";
import { finalNarrativeKeys, finalTraceSource, traceFinalNarrative } from "@/lib/final/trace";
import { narrativeNumberLinks } from "./narrative-links";
import { renderNarrativeHtml } from "./render-narrative";

const href = (key: string) => `/t?narrative=${key}`;

/** Every linked amount in the HTML reads as the figure it opens (a change without its sign). */
function checkLinks(html: string, values: Map<string, string>) {
  const links = [...html.matchAll(/<a href="\/t\?narrative=([^"]+)" class="dz-trace"[^>]*>([^<]+)<\/a>/g)];
  expect(links.length).toBeGreaterThan(5);
  for (const [, key, text] of links) expect(formatWanDisplay(new Decimal(values.get(key!)!).abs()), key).toBe(text);
}

describe("the narrative's amounts linked in its text", () => {
  it("links a number only when it stands for one figure, and nothing typed", () => {
    const trace = (value: string, amount: string) => ({ value, lines: [{ amount }] }) as never;
    const links = narrativeNumberLinks(
      [
        { key: "a", trace: trace("10.00", "100000.00") },
        { key: "b", trace: trace("20.00", "200000.00") },
        { key: "c", trace: trace("-20.00", "-200000.00") },
        { key: "d", trace: trace("30.00", "300000.00") },
        { key: "e", trace: trace("30.00", "300000.00") },
      ],
      href,
    );
    // 20.00 is both b and c (different lines): ambiguous. 30.00 is d and e with the same lines: one figure.
    expect(links).toEqual({ "10.00": href("a"), "30.00": href("d") });
    const html = renderNarrativeHtml("收入 10.00 万元，支出 20.00 万元，比上年增长 10.00%，[10.00 万元](https://evil.example/)", 0, links);
    expect(html).toContain('<a href="/t?narrative=a" class="dz-trace" title="查看该数字的来源明细">10.00</a> 万元');
    expect(html).toContain("支出 20.00 万元");
    expect(html).toContain("增长 10.00%");
    expect(html).not.toContain('evil.example/"');
  });

  it.each(loadFixtures().map((f) => [f.name, f] as const))("links the figures of the budget narrative of %s", (_, fixture) => {
    const src = traceSource(fixture.budget, fixture.catalog);
    const figures = narrativeKeys(src.atoms).map((key) => ({ key, trace: traceNarrative(src, key)! }));
    const html = renderNarrativeHtml(buildNarrative(fixture.budget, fixture.catalog).markdown, 1, narrativeNumberLinks(figures, href));
    checkLinks(html, new Map(figures.map((f) => [f.key, f.trace.value])));
  });

  it.each(loadFinalFixtures().map((f) => [f.name, f] as const))("links the figures of the 决算 narrative of %s", (_, fixture) => {
    const src = finalTraceSource(fixture.final, fixture.catalog);
    const figures = finalNarrativeKeys(src).map((key) => ({ key, trace: traceFinalNarrative(src, key)! }));
    const html = renderNarrativeHtml(buildFinalNarrative(fixture.final, fixture.catalog).markdown, 1, narrativeNumberLinks(figures, href));
    checkLinks(html, new Map(figures.map((f) => [f.key, f.trace.value])));
  });
});
