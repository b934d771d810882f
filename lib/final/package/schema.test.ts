import { describe, expect, it } from "vitest";
import { parsePackageJson } from "@/lib/budget/package/schema";
import { loadFinalFixtures } from "@/test/support/final/fixtures";
import { packageToFinal } from "@/lib/final/model";
import { parseFinalPackageJson, parseFinalPackageValue } from "./schema";
import { setAt, type JsonObject } from "@/test/support/json-edit";

const fixture = loadFinalFixtures()[0]!;
const edit = (change: (pkg: JsonObject) => void) => {
  const pkg = JSON.parse(fixture.text);
  change(pkg);
  return parseFinalPackageValue(pkg);
};
const messages = (r: ReturnType<typeof parseFinalPackageValue>) => (r.ok ? [] : r.errors.map((e) => `${e.path} ${e.message}`));

describe("决算 package schema", () => {
  it("accepts the fixture", () => {
    expect(parseFinalPackageJson(fixture.text).ok).toBe(true);
  });

  it("is refused by the budget parser with a message naming 决算", () => {
    const r = parsePackageJson(fixture.text);
    expect(r.ok).toBe(false);
    expect(r.ok ? "" : r.errors[0]!.message).toContain("部门决算包");
  });

  it.each([
    [
      "a negative 决算数",
      (p: JsonObject) => setAt(p, "basicExpenditure[0].actual", "-1"),
      "basicExpenditure[0].actual 基本支出[0].决算数（basicExpenditure[0].actual）：金额不能为负数",
    ],
    ["an unknown key", (p: JsonObject) => setAt(p, "threePublic.reception.actaul", "1"), "threePublic.reception.actaul"],
    ["a number for an amount", (p: JsonObject) => setAt(p, "meetings", 2.15), "会议费（meetings）：应为字符串"],
    ["a wrong ratio", (p: JsonObject) => setAt(p, "projects[0].selfEvaluation.indicators[1].ratio", "100%"), "完成比例"],
    ["a bad vehicle count", (p: JsonObject) => setAt(p, "assets.vehicles.confidential", -1), "机要通信用车（assets.vehicles.confidential）：不能为负数"],
    ["a reason on an unknown comparison", (p: JsonObject) => setAt(p, "reasons.threePublic.total.versus", "x"), "reasons.threePublic.total.versus"],
    ["a budget kind", (p: JsonObject) => setAt(p, "kind", "budget"), "kind"],
  ])("names the field of %s in Chinese", (_name, change, fragment) => {
    const got = messages(edit(change));
    expect(got.join("\n")).toContain(fragment);
  });

  it("converts to 元 and defaults 全年预算数 to 年初预算数", () => {
    const f = packageToFinal(fixture.pkg);
    const line = f.basicExpenditure.find((l) => l.economic === "30231")!;
    expect([line.initial.toFixed(0), line.adjusted.toFixed(0), line.actual.toFixed(0)]).toEqual(["329000", "329000", "327600"]);
    expect(f.threePublic.reception.actual.toFixed(2)).toBe("19096.00");
    const wan = packageToFinal({ ...fixture.pkg, amountUnit: "万元", meetings: "2.15" });
    expect(wan.meetings.toFixed(0)).toBe("21500");
  });
});
