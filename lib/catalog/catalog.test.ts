import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { buildCatalog, CatalogParseError, functionName, isEconomicItem, isFunctionItem, parseEconomicSubjectsCsv, parseFunctionSubjectsCsv } from "./catalog";
import { applyCrosswalk } from "./crosswalk";
import { loadReferenceCatalog } from "./reference";

describe("function subjects", () => {
  it("parses levels and derives parents from the code", () => {
    const rows = parseFunctionSubjectsCsv(
      "\uFEFFcode,name,level\r\n201,一般公共服务支出,1\r\n20103,政府办公厅（室）及相关机构事务,2\r\n2010301,行政运行,3\r\n",
    );
    expect(rows).toEqual([
      { code: "201", name: "一般公共服务支出", level: 1 },
      { code: "20103", name: "政府办公厅（室）及相关机构事务", level: 2, parent: "201" },
      { code: "2010301", name: "行政运行", level: 3, parent: "20103" },
    ]);
  });

  it.each([
    ["code,name,level\n201,x,4\n", 2, "level"],
    ["code,name,level\n20103,x,3\n", 2, "code"],
    ["code,name,level\n201,x,1\n2O1,y,1\n", 3, "code"],
    ["code,name,level\n201,,1\n", 2, "name"],
    ["code,name,level\n201,x,1\n201,y,1\n", 3, "code"],
    ["code,name\n201,x\n", 1, "level"],
  ])("reports a bad row with its line and column (%#)", (text, line, column) => {
    try {
      parseFunctionSubjectsCsv(text);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CatalogParseError);
      expect((e as CatalogParseError).line).toBe(line);
      expect((e as CatalogParseError).column).toBe(column);
      expect((e as Error).message).toContain(`第 ${line} 行`);
    }
  });
});

describe("economic subjects", () => {
  it("parses categories and rejects an unknown one with line and column", () => {
    expect(parseEconomicSubjectsCsv("code,name,level,category\n30101,基本工资,2,personnel\n")[0]).toEqual({
      code: "30101",
      name: "基本工资",
      level: 2,
      category: "personnel",
      parent: "301",
    });
    expect(() => parseEconomicSubjectsCsv("code,name,level,category\n30101,基本工资,2,wages\n")).toThrow(/第 2 行“category”列/);
  });
});

describe("reference catalogue", () => {
  const catalog = loadReferenceCatalog(2024);

  it("loads both shared CSVs, including the 2023-only code 2010308", () => {
    expect(functionName(catalog, "2010308")).toBe("信访事务");
    expect(isFunctionItem(catalog, "2014004")).toBe(true);
    expect(isFunctionItem(catalog, "20140")).toBe(false);
    expect(isEconomicItem(catalog, "30217")).toBe(true);
    expect(isEconomicItem(catalog, "302")).toBe(false);
  });

  it("can be built from parsed rows for any year", () => {
    const c = buildCatalog(2030, parseFunctionSubjectsCsv("code,name,level\n201,x,1\n"), []);
    expect(c.year).toBe(2030);
    expect(c.functions.get("201")?.name).toBe("x");
  });
});

describe("crosswalk", () => {
  it("re-keys last year's amounts and sums codes that merge", () => {
    const out = applyCrosswalk(
      { "2010308": new Decimal(100), "2010399": new Decimal(5), "2080505": new Decimal(7) },
      { "2010308": "2014004", "2010399": "2014004" },
    );
    expect(Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.toString()]))).toEqual({ "2014004": "105", "2080505": "7" });
  });
});
