import { displayAmount } from "@/lib/format";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildNarrative } from "@/lib/budget/narrative";
import { buildTables } from "@/lib/budget/tables";
import { loadFixtures, type Fixture } from "@/test/support/budget/fixtures";
import { tableLayouts } from "@/lib/public/layout";
import { readPdfText } from "@/test/support/pdf-text";
import { renderBudgetPdf } from "./render-budget-pdf";

const PUBLISHED_AT = new Date("2024-03-05T02:00:00Z");

function render(f: Fixture, sequence = 1) {
  const tables = buildTables(f.budget, f.catalog);
  const narrative = buildNarrative(f.budget, f.catalog).markdown;
  return { tables, pdf: renderBudgetPdf({ tables, narrative, publishedAt: PUBLISHED_AT, sequence }) };
}

/** poppler's pdftotext, when the machine has it: a reader that is not ours. */
function pdftotext(pdf: Buffer): string | null {
  const dir = mkdtempSync(path.join(tmpdir(), "mingzhang-pdf-"));
  try {
    writeFileSync(path.join(dir, "a.pdf"), pdf);
    return execFileSync("pdftotext", ["-enc", "UTF-8", path.join(dir, "a.pdf"), "-"], { encoding: "utf8" });
  } catch {
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const squeeze = (s: string) => s.replace(/\s+/g, "");

describe.each(loadFixtures())("the PDF of $name", (fixture) => {
  it("has a text layer of real characters: the T2 合计, 人员经费, 一般公共服务支出", async () => {
    const { tables, pdf: pending } = render(fixture);
    const pdf = await pending;
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const { pages } = readPdfText(pdf);
    const all = pages.join("\n");
    expect(all).toContain("人员经费");
    expect(all).toContain("一般公共服务支出");
    // No CJK radical stands in for an ideograph (the Chromium PDF copied 人 as ⼈).
    expect(all).not.toMatch(/[\u2E80-\u2FDF]/);
    const t2Title = tableLayouts(tables).find((g) => g.id === "T2")!.title;
    const t2 = pages.find((p) => squeeze(p).startsWith(t2Title))!;
    const total = (fixture.expected as { T2: { total: { total: string } } }).T2.total.total;
    const afterTotal = t2.slice(t2.indexOf("合计"));
    expect(afterTotal).toContain(displayAmount(total));

    const poppler = pdftotext(pdf);
    if (poppler !== null) {
      for (const s of ["人员经费", "一般公共服务支出", displayAmount(total), t2Title]) expect(squeeze(poppler)).toContain(squeeze(s));
      expect(poppler).not.toMatch(/[\u2E80-\u2FDF]/);
    }
  });

  it("has a cover, a 目录 with the right page numbers, the narrative, then one table per page with page numbers", async () => {
    const { tables, pdf } = render(fixture);
    const { pages, pageCount } = readPdfText(await pdf);
    const grids = tableLayouts(tables);
    const lines = pages.map((p) => p.split("\n").filter((l) => l.trim() !== ""));
    expect(squeeze(pages[0]!)).toContain(`${tables.unit.name}${tables.year}年部门预算`);
    expect(lines[1]![0]).toBe("目录");
    const narrativePage = pages.findIndex((p) => p.includes(`${tables.year}年部门预算情况说明`) && !p.startsWith("目录"));
    expect(narrativePage).toBeGreaterThan(1);
    // Each table starts exactly one page, in the template's order, after the narrative.
    const starts = grids.map((g) => pages.map((p, i) => (squeeze(p).startsWith(squeeze(g.title)) ? i : -1)).filter((i) => i >= 0));
    // T11 is one table per project; projects of a kind share a title (a 一级项目 has its own).
    grids.forEach((g, k) => {
      const sameTitle = g.id === "T11" ? grids.filter((o) => o.id === "T11" && o.title === g.title).length : 1;
      expect(starts[k], g.key).toHaveLength(sameTitle);
    });
    const firstPages = grids.filter((g) => g.id !== "T11").map((g) => pages.findIndex((p) => squeeze(p).startsWith(squeeze(g.title))));
    expect(firstPages).toEqual([...firstPages].sort((a, b) => a - b));
    expect(firstPages[0]).toBeGreaterThan(narrativePage);
    // The 目录 lists each table with the number of the page it starts on.
    const toc = lines[1]!;
    for (const g of grids.filter((g) => g.id !== "T11")) {
      const at = toc.findIndex((l) => l.endsWith(g.shortTitle));
      expect(at, g.shortTitle).toBeGreaterThan(0);
      expect(Number(toc[at + 1]), g.shortTitle).toBe(pages.findIndex((p) => squeeze(p).startsWith(squeeze(g.title))) + 1);
    }
    // Every page but the cover ends with its number.
    pages.slice(1).forEach((p, i) => expect(lines[i + 1]!.at(-1)).toBe(`${i + 2} / ${pageCount}`));
  });
});

describe("renderBudgetPdf", () => {
  const office = loadFixtures().find((f) => f.name === "beibei-government-office-2024")!;

  it("prints typed text as text: no link, action or script, and no Markdown taking effect", async () => {
    const [first, ...projects] = office.budget.projects;
    const budget = {
      ...office.budget,
      unit: { ...office.budget.unit, structure: "# 假标题\n\n[点我](http://evil.example/x) <script>alert(1)</script> **粗体**" },
      projects: [{ ...first!, name: '=HYPERLINK("http://evil.example/","点我")' }, ...projects],
    };
    const tables = buildTables(budget, office.catalog);
    const narrative = buildNarrative(budget, office.catalog).markdown;
    const pdf = await renderBudgetPdf({ tables, narrative, publishedAt: PUBLISHED_AT, sequence: 1 });
    const raw = pdf.toString("latin1");
    expect(raw).not.toContain("evil.example");
    // The objects' dictionaries (compressed stream data could hold any three bytes by chance).
    const dictionaries = raw.replace(/stream\r?\n[\s\S]*?endstream/g, "");
    for (const marker of ["/URI", "/Annots", "/Link", "/JavaScript", "/JS", "/Launch", "/SubmitForm", "/OpenAction", "/AA"])
      expect(dictionaries, marker).not.toContain(marker);
    const text = squeeze(readPdfText(pdf).pages.join("\n"));
    for (const typed of ["# 假标题", "[点我](http://evil.example/x) <script>alert(1)</script> **粗体**", '=HYPERLINK("http://evil.example/","点我")'])
      expect(text).toContain(squeeze(typed));
  });

  it("folds radicals pasted from other PDFs back to the ideographs they look like", async () => {
    const budget = { ...office.budget, unit: { ...office.budget.unit, structure: "本单位有⼈员 3 名，为⼈⺠服务。" } };
    const pdf = await renderBudgetPdf({
      tables: buildTables(budget, office.catalog),
      narrative: buildNarrative(budget, office.catalog).markdown,
      publishedAt: PUBLISHED_AT,
      sequence: 1,
    });
    const text = readPdfText(pdf).pages.join("\n");
    expect(text).toContain("本单位有人员 3 名，为人民服务。");
    expect(text).not.toMatch(/[\u2E80-\u2FDF]/);
  });

  it("is the same file for the same snapshot, and says on the cover which version a 预算调整 published", async () => {
    const a = await render(office).pdf;
    const b = await render(office).pdf;
    expect(a.equals(b)).toBe(true);
    const adjusted = readPdfText(await render(office, 2).pdf).pages[0]!;
    expect(adjusted).toContain("公开日期：2024年3月5日");
    expect(adjusted).toContain("预算调整后第 2 版");
  });
});
