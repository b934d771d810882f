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

  it("reads a crosswalk, function by default, allows a split into several codes, and refuses mismatched levels", () => {
    const result = parseCatalogCsv(
      "crosswalk",
      "fromCode,toCode,kind\n2010308,2014004,\n20103,2014001,function\n30101,30102,economic\nabc,2014001,function\n2010308,2014001,\n2010308,2014004,",
    );
    expect(result.rows).toEqual([
      { kind: "function", fromCode: "2010308", toCode: "2014004" },
      { kind: "economic", fromCode: "30101", toCode: "30102" },
      { kind: "function", fromCode: "2010308", toCode: "2014001" },
    ]);
    expect(result.errors).toEqual([
      "科目对照：第 3 行对照前后科目级次不同（20103 → 2014001）",
      "科目对照：第 5 行“fromCode”列应为 3、5、7 位数字，实际为“abc”",
      "科目对照：第 7 行对照 2010308 → 2014004 重复（第 2 行已有）",
    ]);
  });

  it("reads the shipped crosswalk's snake_case header with its source column", () => {
    const result = parseCatalogCsv("crosswalk", "kind,from_code,to_code,source\nfunction,2010308,2014001,S1\nfunction,2010308,2014003,S1\n");
    expect(result).toMatchObject({
      errors: [],
      rows: [
        { fromCode: "2010308", toCode: "2014001" },
        { fromCode: "2010308", toCode: "2014003" },
      ],
    });
  });

  it("reads an official list laid out as a table: title rows, Chinese headers, extra columns, levels from the code length", () => {
    const csv = [
      "2024年政府收支分类科目（支出功能分类）,,",
      "单位：无,,",
      "科目编码,科目名称,说明",
      "201,一般公共服务支出,反映政府提供一般公共服务的支出",
      "20140,信访事务,",
      "2014001,行政运行,",
      ",注：以下为新增科目,",
      "20140x1,坏编码,",
      "2014003,,",
    ].join("\n");
    const result = parseCatalogCsv("function", csv);
    expect(result.rows).toEqual([
      { code: "201", name: "一般公共服务支出", level: 1 },
      { code: "20140", name: "信访事务", level: 2, parent: "201" },
      { code: "2014001", name: "行政运行", level: 3, parent: "20140" },
    ]);
    expect(result.errors).toEqual([
      "支出功能分类科目：第 8 行第 1 列：编码“20140x1”应为 3、5 或 7 位数字",
      "支出功能分类科目：第 9 行第 2 列：科目名称不能为空",
    ]);
    expect(result.warnings).toEqual(["支出功能分类科目：跳过 1 行没有科目编码的行（标题或说明）"]);
  });

  it("derives an economic subject's category from its 类 when the official list has none", () => {
    const result = parseCatalogCsv("economic", "科目编码,科目名称\n301,工资福利支出\n30101,基本工资\n30201,办公费\n31002,办公设备购置\n39999,其他支出");
    expect(result.errors).toEqual([]);
    expect((result.rows as { code: string; category: string }[]).map((r) => `${r.code}:${r.category}`)).toEqual([
      "301:personnel",
      "30101:personnel",
      "30201:public",
      "31002:capital",
      "39999:other",
    ]);
  });

  it("reads the printed 财政部 layout with 类/款/项 in separate columns, carrying the 类 and 款 down", () => {
    const csv = [
      "科目编码,,,科目名称,说明",
      "类,款,项,,",
      "201,,,一般公共服务支出,",
      ",03,,政府办公厅（室）及相关机构事务,",
      ",,01,行政运行,",
      ",,08,信访事务,",
      ",40,,信访事务,",
      ",,01,行政运行,",
      ",,0x,坏,",
      "205,,,教育支出,",
      ",02,,普通教育,",
      ",,03,初中教育,",
    ].join("\n");
    const result = parseCatalogCsv("function", csv);
    expect((result.rows as { code: string; name: string }[]).map((r) => `${r.code} ${r.name}`)).toEqual([
      "201 一般公共服务支出",
      "20103 政府办公厅（室）及相关机构事务",
      "2010301 行政运行",
      "2010308 信访事务",
      "20140 信访事务",
      "2014001 行政运行",
      "205 教育支出",
      "20502 普通教育",
      "2050203 初中教育",
    ]);
    expect(result.errors).toEqual(["支出功能分类科目：第 9 行第 3 列：项“0x”应为 2 位数字"]);
  });
});
