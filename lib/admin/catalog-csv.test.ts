import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { catalogueDir } from "@/lib/catalog/reference";
import { parseCatalogCsv } from "./catalog-csv";

const reference = (name: string) => readFileSync(path.join(catalogueDir(2024), name), "utf8");

describe("catalogue CSV for the admin's preview", () => {
  it("reads the shipped reference catalogues without an error", () => {
    const f = parseCatalogCsv("function", reference("function-subjects.csv"));
    expect(f.errors).toEqual([]);
    expect((f.rows as { code: string }[]).find((r) => r.code === "2014001")).toMatchObject({ name: "行政运行", level: 3, parent: "20140" });
    const e = parseCatalogCsv("economic", reference("economic-subjects.csv"));
    expect(e.errors).toEqual([]);
    expect(e.rows.length).toBeGreaterThan(50);
  });

  it("reports every bad row with its line number in Chinese, keeping the good rows", () => {
    const csv = ["code,name,level", "201,一般公共服务支出,1", "20103,,2", "2010301,行政运行,4", "201,重复,1", "2010302,一般行政管理事务,3"].join("\n");
    const result = parseCatalogCsv("function", csv);
    expect((result.rows as { code: string }[]).map((r) => r.code)).toEqual(["201", "2010302"]);
    expect(result.errors).toEqual([
      "支出功能分类科目：第 3 行“name”列不能为空",
      "支出功能分类科目：第 4 行“level”列应为 1、2 或 3，实际为“4”",
      "支出功能分类科目：第 5 行“code”列编码 201 重复（第 2 行已有）",
    ]);
  });

  it("names a missing header column", () => {
    expect(parseCatalogCsv("economic", "code,name,level\n30101,基本工资,2").errors).toEqual(["支出经济分类科目：第 1 行（表头）缺少列“category”"]);
  });

  it("reads a crosswalk, function by default, and refuses mismatched levels", () => {
    const result = parseCatalogCsv("crosswalk", "fromCode,toCode,kind\n2010308,2014004,\n20103,2014001,function\n30101,30102,economic\nabc,2014001,function\n2010308,2014001,");
    expect(result.rows).toEqual([
      { kind: "function", fromCode: "2010308", toCode: "2014004" },
      { kind: "economic", fromCode: "30101", toCode: "30102" },
    ]);
    expect(result.errors).toEqual([
      "科目对照：第 3 行对照前后科目级次不同（20103 → 2014001）",
      "科目对照：第 5 行“fromCode”列应为 3、5、7 位数字，实际为“abc”",
      "科目对照：第 6 行编码 2010308 重复（第 2 行已有）",
    ]);
  });
});
