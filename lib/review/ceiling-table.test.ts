import { describe, expect, it } from "vitest";
import { parseWanToYuan, readCeilingGrid, type CellGrid } from "./ceiling-table";

const grid = (rows: string[][]): CellGrid => ({
  rows,
  where: (r, c) => `第 ${r + 1} 行 ${String.fromCharCode(65 + c)}${r + 1} 单元格`,
  whereRow: (r) => `第 ${r + 1} 行`,
});
const header = ["部门编码", "资金来源", "支出类别", "项目编码", "控制数（万元）"];

describe("readCeilingGrid", () => {
  it("reads ceilings with funds and kinds in the bureau's words, amounts 万元 → 元", () => {
    const result = readCeilingGrid(
      grid([header, ["104", "一般公共预算", "基本支出", "", "1,200.5"], ["104", "政府性基金预算拨款", "项目支出", "P1", "30"]]),
      new Set(["104"]),
    );
    expect(result).toEqual({
      rows: [
        { departmentCode: "104", fund: "generalBudget", kind: "basic", projectCode: "", amount: "12005000.00" },
        { departmentCode: "104", fund: "governmentFund", kind: "project", projectCode: "P1", amount: "300000.00" },
      ],
      errors: [],
    });
  });

  it("names every bad cell in Chinese", () => {
    const result = readCeilingGrid(
      grid([
        header,
        ["999", "彩票", "其他", "", "-1"],
        ["104", "一般公共预算", "基本支出", "P1", "1"],
        ["104", "一般公共预算", "项目支出", "", "1"],
        ["104", "一般公共预算", "项目支出", "", "2"],
      ]),
      new Set(["104"]),
    );
    expect(result.errors).toEqual([
      "第 2 行 A2 单元格：本区没有编码为“999”的部门",
      "第 2 行 B2 单元格：资金来源“彩票”无法识别（如：一般公共预算、政府性基金预算）",
      "第 2 行 C2 单元格：支出类别应为“基本支出”或“项目支出”",
      "第 2 行 E2 单元格：控制数“-1”不是以万元计的金额（最多六位小数，不能为负）",
      "第 3 行 D3 单元格：只有项目支出可以按项目下达控制数",
      "第 5 行：与第 4 行重复（同一部门、资金来源、支出类别和项目）",
    ]);
    expect(result.rows).toHaveLength(1);
  });

  it("refuses a header without the needed columns", () => {
    expect(readCeilingGrid(grid([["部门", "金额"]]), new Set()).errors).toEqual(["第 1 行（表头）缺少列：部门编码、资金来源、支出类别"]);
  });

  it("converts 万元 exactly, to the fen", () => {
    expect(parseWanToYuan("0.000001")).toBe("0.01");
    expect(parseWanToYuan("0.0000001")).toBeNull();
    expect(parseWanToYuan("12.3456")).toBe("123456.00");
    expect(parseWanToYuan("abc")).toBeNull();
  });
});
