import { describe, expect, it } from "vitest";
import { escapeMarkdownText } from "@/lib/budget/narrative/escape";
import { narrativeBlocks, renderNarrativeHtml } from "./render-narrative";

const HEADING = "## 伪造的标题：本单位预算已作废";
const LINK = "[点击领取补贴](https://evil.example/)";

describe("accountant text in the narrative", () => {
  it("stays text: no heading, no link, no image, no list (escaped)", () => {
    for (const text of [
      HEADING,
      LINK,
      "![x](https://evil.example/a.png)",
      "<https://evil.example/>",
      "- 列表",
      "1. 列表",
      "**粗体** `代码`",
      "第一行\n\n# 第二行",
      "&lt;b&gt; &#x41;",
    ]) {
      const html = renderNarrativeHtml(`段落：${escapeMarkdownText(text)}。`);
      expect(html, text).toMatch(/^<p>段落：/);
      expect(html, text).not.toMatch(/<(h\d|a|img|ul|ol|li|strong|em|code)\b/);
      const blocks = narrativeBlocks(`${escapeMarkdownText(text)}`);
      expect(blocks).toEqual([{ kind: "paragraph", text: text.replace(/\s*\n+\s*/g, " ") }]);
    }
  });

  it("renders no link or image even from unescaped Markdown (snapshots frozen before the escaping)", () => {
    const html = renderNarrativeHtml(`原因：${LINK} ![图](https://evil.example/a.png) <https://evil.example/>`);
    expect(html).not.toMatch(/<a\b|<img\b|href=|src=/);
    expect(html).toContain("evil.example");
  });

  it("keeps the engine's own structure (headings, numbered lists) for the HTML and the PDF", () => {
    const md = `# 某局\n\n### 一、单位基本情况\n\n1. ${escapeMarkdownText("负责 #1 工作")}\n2. 其他\n\n正文 ${escapeMarkdownText("a_b*c")}。`;
    expect(renderNarrativeHtml(md, 1)).toContain("<h2>某局</h2>");
    expect(narrativeBlocks(md)).toEqual([
      { kind: "heading", level: 1, text: "某局" },
      { kind: "heading", level: 3, text: "一、单位基本情况" },
      { kind: "list-item", ordinal: 1, text: "负责 #1 工作" },
      { kind: "list-item", ordinal: 2, text: "其他" },
      { kind: "paragraph", text: "正文 a_b*c。" },
    ]);
  });
});
