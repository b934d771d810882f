import { describe, expect, it } from "vitest";
import { discloseBudget } from "@/lib/budget/disclose";
import { buildTables } from "@/lib/budget/tables";
import { loadFixtures } from "@/test/support/budget/fixtures";
import { barChart, shares } from "./bar-chart";
import { publishedSummary, sumSummaries } from "./budget-summary";
import { compareWithLastYear } from "./compare-with-last-year";
import { spendingByClass } from "./district-by-class";
import { isNotModified, snapshotHeaders } from "./http";
import { apiPath, budgetPath, parsePublicKey, parseRegionYear } from "./public-key";
import { renderNarrativeHtml } from "./render-narrative";
import { IMMUTABLE, REVALIDATE, SnapshotCache } from "./snapshot-cache";

const fixtures = loadFixtures();
const office = fixtures.find((f) => f.name === "beibei-government-office-2024")!;
const services = fixtures.find((f) => f.name === "beibei-government-services-2023")!;
const officeTables = buildTables(office.budget, office.catalog);

describe("public keys", () => {
  it("accepts codes and four-digit years only", () => {
    expect(parsePublicKey("500109", "2024", "104")).toEqual({ region: "500109", year: 2024, unit: "104" });
    expect(parsePublicKey("500109", "24", "104")).toBeNull();
    expect(parsePublicKey("500109", "2024", "10 4")).toBeNull();
    expect(parsePublicKey("../x", "2024", "104")).toBeNull();
    expect(parseRegionYear("500109", "abcd")).toBeNull();
    expect(budgetPath({ region: "500109", year: 2024, unit: "104" })).toBe("/b/500109/2024/104");
    expect(apiPath({ region: "500109", year: 2024, unit: "104" })).toBe("/api/open/budgets/500109/2024/104");
  });
});

describe("publishedSummary", () => {
  const frozen = discloseBudget(office);
  it("reads the summary frozen with the tables and the narrative", () => {
    const want = {
      total: "2514.61",
      basic: "1746.21",
      project: "768.40",
      threePublic: "27.50",
      priorTotal: "2890.22",
      change: "-375.61",
    };
    expect(publishedSummary({ summary: frozen.summary, tables: frozen.tables })).toMatchObject(want);
    expect(frozen.summary.byClass.map((c) => c.code)).toEqual(["201", "208", "210", "221"]);
  });
  it("reads a snapshot frozen before summaries from its tables alone (T2 上年 合计)", () => {
    expect(publishedSummary({ summary: null, tables: officeTables })).toEqual(frozen.summary);
    const { prior: _prior, ...t2 } = officeTables.T2!.total;
    expect(publishedSummary({ summary: null, tables: { ...officeTables, T2: { ...officeTables.T2!, total: t2 } } }).change).toBeUndefined();
  });
  it("sums district totals exactly", () => {
    const s = frozen.summary;
    expect(sumSummaries([s, s, s])).toEqual({ total: "7543.83", basic: "5238.63", project: "2305.20", threePublic: "82.50" });
  });
});

describe("compareWithLastYear", () => {
  it("compares by 类 from T2 and 三公 from T4", () => {
    const c = compareWithLastYear(officeTables)!;
    expect(c.byClass[0]).toEqual({ label: "合计", prior: "2890.22", current: "2514.61", change: "-375.61", percent: "-13.0" });
    expect(c.byClass.map((r) => r.code)).toEqual([undefined, "201", "208", "210", "221"]);
    expect(c.threePublic[0]).toMatchObject({ prior: "37.00", current: "27.50", change: "-9.50" });
    // Last year zero: no percentage.
    expect(c.threePublic.find((r) => r.label === "因公出国（境）费")).toEqual({ label: "因公出国（境）费", prior: "0.00", current: "0.00", change: "0.00" });
  });
  it("is null for a budget published without 上年 columns", () => {
    expect(compareWithLastYear(buildTables(services.budget, services.catalog))).toBeNull();
  });
});

describe("spendingByClass", () => {
  it("sums each 类 across departments, biggest first", () => {
    const out = spendingByClass([
      {
        department: "甲",
        byClass: [
          { code: "201", name: "一般公共服务支出", total: "10.10" },
          { code: "208", name: "社会保障和就业支出", total: "30.00" },
        ],
      },
      { department: "乙", byClass: [{ code: "201", name: "一般公共服务支出", total: "20.21" }] },
    ]);
    expect(out.map((c) => [c.code, c.total])).toEqual([
      ["201", "30.31"],
      ["208", "30.00"],
    ]);
    expect(out[0]!.departments).toEqual([
      { department: "甲", total: "10.10" },
      { department: "乙", total: "20.21" },
    ]);
  });
});

describe("charts", () => {
  it("scales bars to the largest value", () => {
    const bars = barChart([
      { label: "a", values: ["50.00", "100.00"] },
      { label: "b", values: ["0.00"] },
    ]);
    expect(bars[0]!.segments.map((s) => s.width)).toEqual([0.5, 1]);
    expect(bars[0]!.segments[1]!.display).toBe("100.00");
    expect(bars[1]!.segments[0]!.width).toBe(0);
    expect(barChart([{ label: "z", values: ["0.00"] }])[0]!.segments[0]!.width).toBe(0);
  });
  it("splits a whole into shares", () => {
    expect(
      shares([
        { label: "基本", value: "1746.21" },
        { label: "项目", value: "768.40" },
      ]).map((s) => s.share),
    ).toEqual([0.6944, 0.3056]);
    expect(shares([{ label: "x", value: "0" }])[0]!.share).toBe(0);
  });
});

describe("renderNarrativeHtml", () => {
  it("keeps typed HTML inert and can demote headings", () => {
    const html = renderNarrativeHtml('# 部门\n\n主要原因是<script>alert(1)</script><img src=x onerror="alert(2)"> [x](javascript:alert(3))', 1);
    expect(html).toContain("<h2>部门</h2>");
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;");
    expect(html).not.toContain('href="javascript:');
  });
});

describe("SnapshotCache", () => {
  it("renders once per key and evicts the least recently used", async () => {
    const cache = new SnapshotCache<string>(2);
    let renders = 0;
    const render = (v: string) => async () => {
      renders++;
      return v;
    };
    expect(await cache.get("1", render("a"))).toBe("a");
    expect(await cache.get("1", render("other"))).toBe("a");
    await cache.get("2", render("b"));
    await cache.get("1", render("x")); // 1 is now the most recent
    await cache.get("3", render("c")); // evicts 2
    expect(cache.size).toBe(2);
    expect(await cache.get("2", render("b2"))).toBe("b2");
    expect(renders).toBe(4);
  });
  it("shares one rendering between concurrent requests and forgets failures", async () => {
    const cache = new SnapshotCache<number>(4);
    let calls = 0;
    const slow = () => new Promise<number>((resolve) => setTimeout(() => resolve(++calls), 10));
    const [a, b] = await Promise.all([cache.get("k", slow), cache.get("k", slow)]);
    expect([a, b, calls]).toEqual([1, 1, 1]);
    await expect(cache.get("bad", () => Promise.reject(new Error("x")))).rejects.toThrow("x");
    await Promise.resolve();
    expect(await cache.get("bad", async () => 7)).toBe(7);
  });
});

describe("snapshot caching headers", () => {
  it("marks only the current version's URL immutable", () => {
    expect(snapshotHeaders("http://x/api/open/budgets/1/2024/104?v=7", 7)["Cache-Control"]).toBe(IMMUTABLE);
    expect(snapshotHeaders("http://x/api/open/budgets/1/2024/104?v=6", 7)["Cache-Control"]).toBe(REVALIDATE);
    expect(snapshotHeaders("http://x/api/open/budgets/1/2024/104", 7)).toEqual({ "Cache-Control": REVALIDATE, ETag: '"snapshot-7"' });
  });
  it("answers If-None-Match", () => {
    expect(isNotModified(new Request("http://x/", { headers: { "if-none-match": 'W/"snapshot-7"' } }), 7)).toBe(true);
    expect(isNotModified(new Request("http://x/", { headers: { "if-none-match": '"snapshot-6"' } }), 7)).toBe(false);
    expect(isNotModified(new Request("http://x/"), 7)).toBe(false);
  });
});
