import { describe, expect, it } from "vitest";
import { wrapText } from "./wrap";

// Every character one unit wide at size 1: a line of width 10 holds 10 characters.
const w = () => 1;

describe("wrapText", () => {
  it("breaks Chinese text between any two characters and keeps hard line breaks", () => {
    expect(wrapText("一二三四五六七八九十壹贰", 10, 1, w)).toEqual(["一二三四五六七八九十", "壹贰"]);
    expect(wrapText("第一行\n第二行", 10, 1, w)).toEqual(["第一行", "第二行"]);
    expect(wrapText("", 10, 1, w)).toEqual([""]);
  });

  it("keeps a Latin run or a figure whole unless it alone is wider than a line", () => {
    expect(wrapText("金额为1,234.56万元", 8, 1, w)).toEqual(["金额为", "1,234.56", "万元"]);
    expect(wrapText("http://example.org/a/very/long/path", 10, 1, w)).toEqual(["http://exa", "mple.org/a", "/very/long", "/path"]);
    expect(wrapText("ab cd ef", 5, 1, w)).toEqual(["ab cd", "ef"]);
  });

  it("never starts a line with closing punctuation nor ends one with opening punctuation", () => {
    // "，" would start line 2: the character before it moves down with it.
    expect(wrapText("一二三四五，六七", 5, 1, w)).toEqual(["一二三四", "五，六七"]);
    // "（" would end line 1: it moves down to the word it opens.
    expect(wrapText("一二三四（五）", 5, 1, w)).toEqual(["一二三四", "（五）"]);
  });

  it("indents the first line of each paragraph", () => {
    expect(wrapText("一二三四五六七八", 6, 1, w, 2)).toEqual(["一二三四", "五六七八"]);
  });

  it("scales with the font size", () => {
    expect(wrapText("一二三四五六", 20, 10, w)).toEqual(["一二", "三四", "五六"]);
  });
});
