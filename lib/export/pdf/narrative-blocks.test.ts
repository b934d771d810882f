import { describe, expect, it } from "vitest";
import { narrativeBlocks } from "./narrative-blocks";

describe("narrativeBlocks", () => {
  it("takes the generator's headings and prints everything else as typed", () => {
    const markdown = [
      "# 重庆市北碚区某局",
      "## 2024年部门预算情况说明",
      "### 一、单位基本情况",
      "#### （一）职能职责",
      "1. 负责 **重点** 工作\n2. 见 [链接](http://evil.example/)",
      "#### （二）单位构成",
      "# 用户输入的标题",
      "### 三、跳过了二",
      "### 二、部门收支总体情况",
      "<script>alert(1)</script>",
    ].join("\n\n");
    expect(narrativeBlocks(markdown)).toEqual([
      { kind: "heading", level: 1, text: "重庆市北碚区某局" },
      { kind: "heading", level: 2, text: "2024年部门预算情况说明" },
      { kind: "heading", level: 3, text: "一、单位基本情况" },
      { kind: "heading", level: 4, text: "（一）职能职责" },
      { kind: "paragraph", text: "1. 负责 **重点** 工作" },
      { kind: "paragraph", text: "2. 见 [链接](http://evil.example/)" },
      { kind: "heading", level: 4, text: "（二）单位构成" },
      // Typed into 单位构成: not where the generator puts a heading, so it is text.
      { kind: "paragraph", text: "# 用户输入的标题" },
      { kind: "paragraph", text: "### 三、跳过了二" },
      { kind: "heading", level: 3, text: "二、部门收支总体情况" },
      { kind: "paragraph", text: "<script>alert(1)</script>" },
    ]);
  });

  it("reads Windows line ends and ignores empty blocks", () => {
    expect(narrativeBlocks("# 单位\r\n\r\n\r\n\r\n正文\r\n")).toEqual([
      { kind: "heading", level: 1, text: "单位" },
      { kind: "paragraph", text: "正文" },
    ]);
  });
});
