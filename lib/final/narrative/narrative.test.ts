import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { packageToFinal } from "@/lib/final/model";
import { loadFinalFixtures } from "@/test/support/final/fixtures";
import { buildFinalNarrative } from "@/lib/final/evaluate";
import { change, pct, versus } from "./phrases";

const d = (s: string) => new Decimal(s);
const fixture = loadFinalFixtures().find((f) => f.name === "beibei-government-office-2020-final")!;

describe("决算 change wording", () => {
  it("follows the seed: amount, then rate with one decimal", () => {
    expect(versus("上年决算数", d("1911.05"), d("2062.86"))).toBe("较上年决算数减少151.81万元，下降7.4%");
    expect(versus("年初预算数", d("1826.48"), d("1747.66"))).toBe("较年初预算数增加78.82万元，增长4.5%");
  });
  it("words a change from zero as an amount only — never “增长100%”", () => {
    expect(versus("上年决算数", d("84.57"), d("0"))).toBe("较上年决算数增加84.57万元");
    expect(change(d("84.57"), d("0")).rate).toBeUndefined();
  });
  it("words a fall to zero as “下降100%” with its amount", () => {
    expect(versus("上年决算数", d("0"), d("7.20"))).toBe("较上年决算数减少7.20万元，下降100%");
  });
  it("says 持平 for no change, also between two zeros", () => {
    expect(versus("上年决算数", d("5"), d("5"))).toBe("与上年决算数持平");
    expect(versus("年初预算数", d("0"), d("0"))).toBe("与年初预算数持平");
  });
  it("prints nothing without a base, and a whole 100 as “100%”", () => {
    expect(versus("上年决算数", d("5"), undefined)).toBeUndefined();
    expect(pct(d("100"))).toBe("100%");
    expect(pct(d("25"))).toBe("25.0%");
  });
  it("rounds rates half up from the printed figures", () => {
    expect(versus("年初预算数", d("65.37"), d("65.57"))).toBe("较年初预算数减少0.20万元，下降0.3%");
    expect(versus("x", d("1.05"), d("1"))).toBe("较x增加0.05万元，增长5.0%");
  });
});

describe("部门决算情况说明", () => {
  const { markdown } = buildFinalNarrative(fixture.final, fixture.catalog);

  it("has the seed's sections in order, the contact line last", () => {
    const heads = [
      "一、部门基本情况",
      "二、部门决算情况说明",
      "（一）收入支出决算总体情况说明",
      "（二）财政拨款收入支出决算总体情况说明",
      "（三）一般公共预算财政拨款支出决算情况说明",
      "（四）一般公共预算财政拨款基本支出决算情况说明",
      "（五）政府性基金预算收支决算情况说明",
      "（六）国有资本经营预算财政拨款支出决算情况说明",
      "三、“三公”经费情况说明",
      "四、其他需要说明的事项",
      "五、预算绩效管理情况说明",
      "六、专业名词解释",
      "七、决算公开联系方式及信息反馈渠道",
    ];
    const positions = heads.map((h) => markdown.indexOf(h));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(markdown.trim().split("\n").at(-1)).toBe("本单位决算公开信息反馈和联系方式：023-68863379。");
  });

  it("never prints a rate for a change from zero", () => {
    expect(markdown).not.toMatch(/增长100(\.0)?%/);
    expect(markdown).toContain("本年收入84.57万元，较上年决算数增加84.57万元，主要原因是");
    expect(markdown).toContain("费用支出较年初预算数增加8.55万元，主要原因是");
  });

  it("states the absence of 政府性基金, 国有资本经营, 政府采购 and self-evaluations from the data", () => {
    const f = packageToFinal(fixture.pkg);
    f.projects = f.projects
      .filter((p) => p.fund !== "governmentFund")
      .map((p) => {
        const { selfEvaluation: _drop, ...rest } = p;
        return rest;
      });
    f.income = f.income.filter((l) => l.fund !== "governmentFund");
    f.procurement = { goods: d("0"), works: d("0"), services: d("0"), smallMedium: d("0"), micro: d("0") };
    f.performance = {};
    const md = buildFinalNarrative(f, fixture.catalog).markdown;
    expect(md).toContain("本部门2020年度无政府性基金预算财政拨款收支。");
    expect(md).toContain("本部门2020年度无国有资本经营预算财政拨款支出。");
    expect(md).toContain("本部门2020年度无政府采购支出。");
    expect(md).toContain("本部门2020年度未开展项目支出绩效自评。");
  });

  it("leaves out every comparison with last year when there is no 上年决算", () => {
    const f = packageToFinal(fixture.pkg);
    delete f.priorYear;
    const md = buildFinalNarrative(f, fixture.catalog).markdown;
    expect(md).not.toContain("上年决算数");
    expect(md).not.toContain("上年支出数");
    expect(md).toContain("较年初预算数增加78.82万元");
  });

  it("inserts every reason and usage the accountant typed", () => {
    const r = fixture.final.reasons;
    const texts = [
      r.total,
      r.income,
      r.expenditure,
      r.closing,
      r.personnel,
      r.public,
      r.operatingFunds,
      r.meetings,
      r.training,
      ...Object.values(r.byClass),
      ...Object.values(fixture.final.usages),
    ];
    for (const t of texts) if (t) expect(markdown).toContain(t);
  });
});
