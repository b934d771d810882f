import { describe, expect, it } from "vitest";
import { buildCatalog } from "@/lib/catalog/catalog";
import { findCells, nextFound } from "./grid-find";

const catalog = buildCatalog(
  2024,
  [
    { code: "201", name: "一般公共服务支出", level: 1 },
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

const lines = [
  { function: "2010301", economic: "30101", fund: "generalBudget", amount: "1234567.50" },
  { function: "2010350", economic: "30201", fund: "stateCapital", amount: "300" },
  { function: "2010301", economic: "30201", fund: "generalBudget", amount: "" },
];

describe("findCells", () => {
  it("finds codes, catalogue names and fund labels, in reading order", () => {
    expect(findCells(lines, "2010301", catalog)).toEqual([
      { row: 0, column: "function" },
      { row: 2, column: "function" },
    ]);
    expect(findCells(lines, "办公费", catalog)).toEqual([
      { row: 1, column: "economic" },
      { row: 2, column: "economic" },
    ]);
    expect(findCells(lines, "国有资本", catalog)).toEqual([{ row: 1, column: "fund" }]);
    expect(findCells(lines, "运行", catalog).map((c) => c.row)).toEqual([0, 1, 2]);
  });

  it("reads amounts with separators, full-width digits and spaces as typed", () => {
    expect(findCells(lines, "1,234,567.5", catalog)).toEqual([{ row: 0, column: "amount" }]);
    expect(findCells(lines, "１２３４ ５６７", catalog)).toEqual([{ row: 0, column: "amount" }]);
  });

  it("finds nothing for an empty query or text no cell holds", () => {
    expect(findCells(lines, "  ", catalog)).toEqual([]);
    expect(findCells(lines, "差旅费", catalog)).toEqual([]);
  });
});

describe("nextFound", () => {
  const found = findCells(lines, "2010301", catalog);
  it("goes to the next match after the cell, wrapping round at the end", () => {
    expect(nextFound(found, undefined)).toBe(0);
    expect(nextFound(found, { row: 0, column: "function" })).toBe(1);
    expect(nextFound(found, { row: 1, column: "amount" })).toBe(1);
    expect(nextFound(found, { row: 2, column: "function" })).toBe(0);
  });
  it("goes backwards before the cell, wrapping round at the start", () => {
    expect(nextFound(found, { row: 2, column: "function" }, true)).toBe(0);
    expect(nextFound(found, { row: 0, column: "function" }, true)).toBe(1);
    expect(nextFound([], undefined)).toBeUndefined();
  });
});
