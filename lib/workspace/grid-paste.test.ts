import { describe, expect, it } from "vitest";
import { buildCatalog } from "@/lib/catalog/catalog";
import { applyPaste, matchFund, matchSubject, parseTsv, readAmount, type GridLine } from "./grid-paste";

const catalog = buildCatalog(
  2024,
  [
    { code: "201", name: "一般公共服务支出", level: 1 },
    { code: "20101", name: "人大事务", level: 2, parent: "201" },
    { code: "2010101", name: "行政运行", level: 3, parent: "20101" },
    { code: "20103", name: "政府办公厅（室）及相关机构事务", level: 2, parent: "201" },
    { code: "2010301", name: "行政运行", level: 3, parent: "20103" },
    { code: "2010350", name: "事业运行", level: 3, parent: "20103" },
  ],
  [
    { code: "301", name: "工资福利支出", level: 1, category: "personnel" },
    { code: "30101", name: "基本工资", level: 2, category: "personnel", parent: "301" },
    { code: "30201", name: "办公费", level: 2, category: "public", parent: "302" },
  ],
);

describe("parseTsv", () => {
  it("splits rows and cells, ignoring Excel's trailing newline and CRLF", () => {
    expect(parseTsv("a\tb\r\nc\td\r\n")).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
  });
  it("keeps empty cells and reads quoted cells holding tabs, newlines and quotes", () => {
    expect(parseTsv('x\t\t"a\tb"\n"line1\nline2"\t"say ""hi"""')).toEqual([
      ["x", "", "a\tb"],
      ["line1\nline2", 'say "hi"'],
    ]);
  });
  it("reads a single cell without a newline", () => {
    expect(parseTsv("700000")).toEqual([["700000"]]);
  });
});

describe("readAmount", () => {
  it.each([
    ["1,234.56", "1234.56"],
    ["１２３４．５６", "1234.56"],
    ["1 234 567", "1234567.00"],
    ["¥1,000", "1000.00"],
    ["  700000 ", "700000.00"],
    ["１，２３４", "1234.00"],
  ])("%s → %s 元", (raw, yuan) => expect(readAmount(raw)).toEqual({ ok: true, yuan }));

  it("reads 万元 into 元", () => {
    expect(readAmount("124.93", "万元")).toEqual({ ok: true, yuan: "1249300.00" });
    expect(readAmount("0.000001", "万元")).toEqual({ ok: true, yuan: "0.01" });
    expect(readAmount("0.0000001", "万元").ok).toBe(false);
  });

  it("names what it cannot read", () => {
    expect(readAmount("abc")).toEqual({ ok: false, message: "“abc”不是金额" });
    expect(readAmount("1.234")).toEqual({ ok: false, message: "“1.234”最多两位小数" });
    expect(readAmount("12,34")).toMatchObject({ ok: false });
    expect(readAmount("-5")).toMatchObject({ ok: false });
    expect(readAmount("")).toEqual({ ok: false, message: "金额为空" });
  });
});

describe("matchSubject", () => {
  it("matches by code, by code and name, and by a unique exact name", () => {
    expect(matchSubject(catalog, "function", "2010301")).toEqual({ ok: true, code: "2010301" });
    expect(matchSubject(catalog, "function", "2010301 行政运行")).toEqual({ ok: true, code: "2010301" });
    expect(matchSubject(catalog, "function", "２０１０３５０")).toEqual({ ok: true, code: "2010350" });
    expect(matchSubject(catalog, "function", "事业运行")).toEqual({ ok: true, code: "2010350" });
    expect(matchSubject(catalog, "economic", "基本工资")).toEqual({ ok: true, code: "30101" });
  });
  it("does not guess between subjects sharing a name, nor accept another level", () => {
    expect(matchSubject(catalog, "function", "行政运行")).toMatchObject({ ok: false, message: expect.stringContaining("2010101、2010301") });
    expect(matchSubject(catalog, "function", "20103")).toMatchObject({ ok: false });
    expect(matchSubject(catalog, "economic", "工资福利支出")).toMatchObject({ ok: false });
    expect(matchSubject(catalog, "economic", "99999")).toEqual({ ok: false, message: "经济分类“99999”在科目表中找不到" });
  });
});

describe("matchFund", () => {
  it("matches a key, a label or a label's start", () => {
    expect(matchFund("一般公共预算拨款")).toEqual({ ok: true, fund: "generalBudget" });
    expect(matchFund("一般公共预算")).toEqual({ ok: true, fund: "generalBudget" });
    expect(matchFund("governmentFund")).toEqual({ ok: true, fund: "governmentFund" });
    expect(matchFund("彩票")).toMatchObject({ ok: false });
  });
});

describe("applyPaste", () => {
  const empty: GridLine = { function: "", economic: "", fund: "generalBudget", amount: "" };

  it("writes a block from the focused cell, appending rows past the end", () => {
    const lines: GridLine[] = [{ ...empty, function: "2010301", economic: "30101", amount: "1.00" }];
    const block = parseTsv("2010301\t30201\t一般公共预算\t1,000.50\n2010350 事业运行\t基本工资\t\t２００\n");
    const result = applyPaste(lines, block, { row: 1, column: "function" }, catalog);
    expect(result.problems).toEqual([{ row: 2, column: "fund", message: "第 3 行 资金来源：资金来源为空，已保留原来的资金来源" }]);
    expect(result.rows).toEqual([1, 2]);
    expect(result.lines).toEqual([
      lines[0],
      { function: "2010301", economic: "30201", fund: "generalBudget", amount: "1000.50" },
      { function: "2010350", economic: "30101", fund: "generalBudget", amount: "200.00" },
    ]);
    expect(lines).toHaveLength(1);
  });

  it("pastes a column of amounts into existing rows and keeps what it cannot read, named per cell", () => {
    const lines: GridLine[] = [
      { ...empty, function: "2010301", economic: "30101", amount: "1.00" },
      { ...empty, function: "2010301", economic: "30201", amount: "2.00" },
    ];
    const result = applyPaste(lines, parseTsv("700000\n七十万\n"), { row: 0, column: "amount" }, catalog);
    expect(result.lines.map((l) => l.amount)).toEqual(["700000.00", "七十万"]);
    expect(result.lines[1]!.function).toBe("2010301");
    expect(result.problems).toEqual([{ row: 1, column: "amount", message: "第 2 行 金额：“七十万”不是金额" }]);
  });

  it("counts cells beyond the last column instead of dropping them silently", () => {
    const result = applyPaste([], parseTsv("1\t2\t3"), { row: 0, column: "amount" }, catalog);
    expect(result.ignoredColumns).toBe(2);
  });

  it("reads amounts in 万元 when the switch says so", () => {
    const result = applyPaste([], parseTsv("124.93"), { row: 0, column: "amount" }, catalog, "万元");
    expect(result.lines[0]!.amount).toBe("1249300.00");
  });

  it("skips empty rows of a selection", () => {
    const result = applyPaste([], parseTsv("\n\t\n"), { row: 0, column: "function" }, catalog);
    expect(result.lines).toEqual([]);
  });
});
