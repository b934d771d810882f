import { describe, expect, it } from "vitest";
import { narrativePages } from "./narrative-pages";
import { PAGE, type Op } from "./page";

const metrics = () => () => 1;

describe("narrativePages", () => {
  it("never leaves a heading at the foot of a page, nor a paragraph's lone first or last line", () => {
    // Paragraphs of varying length shift the headings across every position on the page.
    for (let shift = 0; shift < 12; shift++) {
      const blocks = ["# 某单位", "## 2024年部门预算情况说明"];
      const numerals = ["一", "二", "三", "四", "五", "六"];
      numerals.forEach((n, i) => {
        blocks.push(`### ${n}、第${n}部分`, "正".repeat(70 * (1 + ((i + shift) % 5))), `#### （一）小节`, "文".repeat(70 * (2 + shift)));
      });
      const pages = narrativePages(metrics, blocks.join("\n\n"), "说明");
      expect(pages[0]!.bookmarks).toEqual(["说明"]);
      for (const page of pages) {
        const texts = page.ops.filter((o): o is Extract<Op, { op: "text" }> => o.op === "text");
        // Headings are set in bold, body text in regular.
        expect(texts[texts.length - 1]!.font, `shift ${shift}`).toBe("regular");
        for (const t of texts) expect(t.baseline).toBeLessThanOrEqual(PAGE.bottom);
      }
      const lines = pages.flatMap((p) => p.ops.flatMap((o) => (o.op === "text" ? [o.text] : [])));
      expect(lines.filter((l) => l.startsWith("正") || l.startsWith("文")).join("")).toBe(
        blocks.filter((b) => b.startsWith("正") || b.startsWith("文")).join(""),
      );
    }
  });
});
