import { formatWanDisplay } from "@/lib/format";
import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { loadFixtures } from "@/test/support/budget/fixtures";
import { buildNarrative } from "./index";
import { changePhrase } from "./phrases";

/** How the narrative prints a figure of the fixtures' `narrative` block. */
function printed(key: string, value: unknown): string[] {
  if (typeof value === "number") return [`${value} 辆`];
  if (typeof value === "object" && value !== null) return Object.values(value).flatMap((v) => printed("", v));
  const d = new Decimal(String(value));
  if (key.endsWith("Change")) {
    if (d.isZero()) return ["与上年持平"];
    return [`${d.isNegative() ? "减少" : "增加"} ${formatWanDisplay(d.abs())} 万元`];
  }
  return [`${formatWanDisplay(d)} 万元`];
}

describe.each(loadFixtures().filter((f) => f.expected?.narrative))("narrative of $name", (fixture) => {
  const { markdown, figures } = buildNarrative(fixture.budget, fixture.catalog);
  const expected = fixture.expected!.narrative!;

  it("figures equal the fixture's narrative block", () => {
    for (const [key, value] of Object.entries(expected)) expect({ key, value: figures[key] }).toEqual({ key, value });
  });

  it.each(Object.entries(expected))("prints %s", (key, value) => {
    for (const text of printed(key, value)) expect(markdown).toContain(text);
  });

  it("has sections 一 to 六 in order, and the contact line last", () => {
    const heads = [
      "一、单位基本情况",
      "二、部门收支总体情况",
      "三、部门预算情况说明",
      "四、“三公”经费情况说明",
      "五、其他重要事项的情况说明",
      "六、专业性名词解释",
    ];
    const positions = heads.map((h) => markdown.indexOf(h));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(markdown.trim().split("\n").at(-1)).toBe(
      `部门预算公开联系人：${fixture.budget.unit.contact.name}      联系方式：${fixture.budget.unit.contact.phone}`,
    );
  });

  it("inserts every reason the accountant typed", () => {
    const n = fixture.budget.narrative;
    const reasons = [
      n.incomeChange,
      n.basicChange,
      n.basicUsage,
      n.projectChange,
      n.projectUsage,
      n.operatingFundsChange,
      n.operatingFundsUsage,
      ...Object.values(n.threePublic),
    ];
    for (const r of reasons) if (r) expect(markdown).toContain(r.replace(/。$/, ""));
  });
});

describe("year-on-year wording", () => {
  it("follows the samples", () => {
    expect(changePhrase(new Decimal("-375.61"), 2023)).toBe("比 2023 年减少 375.61 万元");
    expect(changePhrase(new Decimal("34.99"), 2023)).toBe("比 2023 年增加 34.99 万元");
    expect(changePhrase(new Decimal("1234.5"), 2023)).toBe("比 2023 年增加 1,234.50 万元");
    expect(changePhrase(new Decimal("0"), 2023)).toBe("与上年持平");
  });

  it("omits comparisons and says so when there is no prior year, no fund money and no procurement", () => {
    const [fixture] = loadFixtures();
    const budget = { ...fixture!.budget };
    delete budget.priorYear;
    const { markdown, figures } = buildNarrative(budget, fixture!.catalog);
    expect(markdown).not.toContain("比 20");
    expect(markdown).not.toContain("与上年持平");
    expect(figures.incomeChange).toBeUndefined();
    expect(markdown).toContain("无使用政府性基金预算拨款安排的支出");
    expect(markdown).toContain("无政府采购预算");
  });
});

describe("sentences from data", () => {
  it("describes government-fund spending and procurement when there is some", async () => {
    const { packageToBudget } = await import("@/lib/budget/package/to-budget");
    const { buildTables } = await import("@/lib/budget/tables");
    const [fixture] = loadFixtures();
    const budget = packageToBudget(fixture!.pkg);
    budget.basicExpenditure.push({ function: "2010301", economic: "30201", amount: new Decimal("123456.78"), fund: "governmentFund" });
    budget.income.governmentFund = new Decimal("123456.78");
    budget.procurement = [
      { category: "goods", fund: "generalBudget", amount: new Decimal("100000") },
      { category: "services", fund: "governmentFund", amount: new Decimal("50050") },
    ];
    const { markdown } = buildNarrative(budget, fixture!.catalog);
    const t = buildTables(budget, fixture!.catalog);
    expect(t.T5!.note).toBeUndefined();
    expect(t.T9!.note).toBeUndefined();
    expect(markdown).toContain("政府性基金预算拨款支出 12.35 万元，其中：基本支出 12.35 万元，项目支出 0.00 万元");
    expect(markdown).toContain(
      "政府采购预算总额 15.01 万元：政府采购货物预算 10.00 万元、政府采购工程预算 0.00 万元、政府采购服务预算 5.01 万元；其中一般公共预算拨款政府采购 10.00 万元",
    );
    expect(markdown).not.toContain("无政府采购预算");
  });
});

describe("the accountant's text is text (issue 14, markdown injection)", () => {
  it("a typed heading, link or list becomes no structure of the narrative", async () => {
    const { renderNarrativeHtml } = await import("@/lib/public/render-narrative");
    const [fixture] = loadFixtures();
    const b = fixture!.budget;
    const budget = { ...b, unit: { ...b.unit }, narrative: { ...b.narrative } };
    budget.unit.structure = "## 伪造的标题：本单位预算已作废";
    budget.unit.functions = ["- 伪造列表", "[点击领取补贴](https://evil.example/)"];
    budget.narrative.basicUsage = "[点击领取补贴](https://evil.example/)";
    const plain = buildNarrative(fixture!.budget, fixture!.catalog).markdown;
    const { markdown } = buildNarrative(budget, fixture!.catalog);
    const headings = (m: string) => (renderNarrativeHtml(m).match(/<h\d>/g) ?? []).length;
    expect(headings(markdown)).toBe(headings(plain));
    const html = renderNarrativeHtml(markdown);
    expect(html).not.toMatch(/<a\b|<ul\b/);
    expect(html).toContain("## 伪造的标题：本单位预算已作废");
    expect(html).toContain("[点击领取补贴](https://evil.example/)");
  });
});
