import { describe, expect, it } from "vitest";
import { loadFixtures } from "@/test/support/budget/fixtures";
import { FIELD_LABELS } from "./labels";
import { parsePackageJson, type ParsePackageResult } from "./schema";
import { deleteAt, setAt, type JsonObject } from "@/test/support/json-edit";

const [fixture] = loadFixtures();
const base = () => JSON.parse(fixture!.text) as JsonObject;

function errorsOf(r: ParsePackageResult) {
  if (r.ok) throw new Error("expected errors");
  return r.errors;
}

function mutated(change: (pkg: JsonObject) => void) {
  const pkg = base();
  change(pkg);
  return errorsOf(parsePackageJson(JSON.stringify(pkg)));
}

const CHINESE = /[\u4e00-\u9fff]/;

describe("parsePackageJson", () => {
  it("accepts every fixture", () => {
    for (const f of loadFixtures()) expect(parsePackageJson(f.text).ok).toBe(true);
  });

  it("accepts a UTF-8 BOM", () => {
    expect(parsePackageJson(`\uFEFF${fixture!.text}`).ok).toBe(true);
  });

  it.each([
    ["", "文件为空"],
    ["{bad", "不是有效的 JSON"],
    ['{"format": "budget-package/1",', "不是有效的 JSON"],
    ["[]", "JSON 对象"],
    ["42", "JSON 对象"],
    ["null", "JSON 对象"],
    ['"text"', "JSON 对象"],
  ])("rejects %j with a Chinese message", (text, fragment) => {
    const errors = errorsOf(parsePackageJson(text));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain(fragment);
  });

  it("names the line and column of a JSON syntax error", () => {
    const [e] = errorsOf(parsePackageJson('{\n  "format": "budget-package/1",\n  x\n}'));
    expect(e!.message).toMatch(/第 3 行第 \d+ 列/);
  });

  it("rejects the wrong format tag before anything else", () => {
    const errors = mutated((p) => {
      p.format = "budget-package/2";
      delete p.unit;
    });
    expect(errors).toEqual([{ path: "format", message: expect.stringContaining('应为 "budget-package/1"') }]);
  });

  it.each([
    ["missing section", (p: JsonObject) => deleteAt(p, "unit"), "unit", "预算部门（unit）：缺少必填字段"],
    ["missing field", (p: JsonObject) => deleteAt(p, "region.name"), "region.name", "行政区划.区划名称（region.name）：缺少必填字段"],
    ["missing enum", (p: JsonObject) => deleteAt(p, "kind"), "kind", "类型（kind）：缺少必填字段"],
    ["unknown top-level key", (p: JsonObject) => setAt(p, "extra", 1), "extra", "不认识的字段"],
    ["unknown nested key", (p: JsonObject) => setAt(p, "income.generalBudjet", "1"), "income.generalBudjet", "不认识的字段"],
    ["unknown key in an array item", (p: JsonObject) => setAt(p, "projects[1].indicators[0].note", ""), "projects[1].indicators[0].note", "不认识的字段"],
    [
      "negative",
      (p: JsonObject) => setAt(p, "income.generalBudget", "-1"),
      "income.generalBudget",
      "收入预算.一般公共预算拨款（income.generalBudget）：金额不能为负数",
    ],
    [
      "3 decimals",
      (p: JsonObject) => setAt(p, "basicExpenditure[3].amount", "1.234"),
      "basicExpenditure[3].amount",
      "基本支出[3].金额（basicExpenditure[3].amount）：金额最多两位小数",
    ],
    ["number instead of string", (p: JsonObject) => setAt(p, "threePublic.reception", 3.5), "threePublic.reception", "不能写成数字"],
    ["NaN", (p: JsonObject) => setAt(p, "income.other", "NaN"), "income.other", "金额格式不正确"],
    ["Infinity", (p: JsonObject) => setAt(p, "income.other", "Infinity"), "income.other", "金额格式不正确"],
    ["exponent", (p: JsonObject) => setAt(p, "income.other", "1e5"), "income.other", "金额格式不正确"],
    ["empty amount", (p: JsonObject) => setAt(p, "income.other", ""), "income.other", "金额格式不正确"],
    ["too large", (p: JsonObject) => setAt(p, "income.other", "1".repeat(20)), "income.other", "金额过大"],
    ["bad fund", (p: JsonObject) => setAt(p, "basicExpenditure[0].fund", "budget"), "basicExpenditure[0].fund", "取值无效"],
    ["bad operator", (p: JsonObject) => setAt(p, "projects[0].indicators[0].operator", "≥"), "projects[0].indicators[0].operator", "指标性质"],
    ["bad procurement category", (p: JsonObject) => setAt(p, "procurement", [{ category: "food", amount: "1" }]), "procurement[0].category", "采购类别"],
    ["non-digit code", (p: JsonObject) => setAt(p, "basicExpenditure[0].function", "20103O1"), "basicExpenditure[0].function", "应为数字编码"],
    ["year as string", (p: JsonObject) => setAt(p, "year", "2024"), "year", "应为数字"],
    ["fractional vehicle count", (p: JsonObject) => setAt(p, "assets.vehicles.general", 1.5), "assets.vehicles.general", "应为整数"],
  ])("%s gives a Chinese message naming the path", (_name, change, path, fragment) => {
    const errors = mutated(change);
    const hit = errors.find((e) => e.path === path);
    expect(hit, JSON.stringify(errors)).toBeDefined();
    expect(hit!.message).toContain(fragment);
    expect(hit!.message).toContain(`（${path}）`);
    expect(hit!.message).toMatch(CHINESE);
  });

  it("rejects 1e309 (a JSON number that overflows to Infinity)", () => {
    const text = fixture!.text.replace('"generalBudget": "2514.61"', '"generalBudget": 1e309');
    const [e] = errorsOf(parsePackageJson(text));
    expect(e!.path).toBe("income.generalBudget");
    expect(e!.message).toMatch(CHINESE);
  });

  it("reports every error at once", () => {
    const errors = mutated((p) => {
      setAt(p, "income.generalBudget", "-1");
      setAt(p, "threePublic.abroad", "0.001");
      deleteAt(p, "unit.code");
    });
    expect(errors.map((e) => e.path).sort()).toEqual(["income.generalBudget", "threePublic.abroad", "unit.code"]);
  });

  it("treats missing amounts, arrays and objects as optional", () => {
    const pkg = base();
    for (const k of ["income", "basicExpenditure", "projects", "threePublic", "procurement", "assets", "performance", "narrative", "priorYear"]) delete pkg[k];
    expect(parsePackageJson(JSON.stringify(pkg)).ok).toBe(true);
  });

  it("labels every field of the schema in Chinese", () => {
    for (const label of Object.values(FIELD_LABELS)) expect(label).toMatch(CHINESE);
  });
});
