import { describe, expect, it } from "vitest";
import { type Budget } from "@/lib/budget/model";
import { packageToBudget } from "@/lib/budget/package/to-budget";
import { budgetToPackage } from "@/lib/budget/package/from-budget";
import { parsePackageValue, type BudgetPackage } from "@/lib/budget/package/schema";
import { checkBudget, findRule, ruleContext } from "@/lib/budget/rules";
import { PLACEHOLDER_PATTERNS } from "@/lib/budget/rules/text-placeholder";
import { buildNarrative, STANDARD_GLOSSARY } from "@/lib/budget/narrative";
import { buildTables } from "@/lib/budget/tables";
import { NO_STATE_CAPITAL_NOTE } from "@/lib/budget/tables/t12-state-capital";
import { loadFixtures } from "@/test/support/budget/fixtures";
import { tableLayouts } from "@/lib/public/layout";

/**
 * What real 部门预算公开 documents contain and our first fixtures did not (issue 12 §2): each is
 * accepted, published as the department published it, and at most warned about.
 */
const petition = loadFixtures().find((f) => f.name === "beibei-petition-office-2024")!;
const catalog = petition.catalog;

function variant(change: (p: BudgetPackage) => void): { pkg: BudgetPackage; budget: Budget } {
  const raw = structuredClone(petition.pkg) as BudgetPackage;
  change(raw);
  const parsed = parsePackageValue(JSON.parse(JSON.stringify(raw)));
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join("; "));
  return { pkg: parsed.pkg, budget: packageToBudget(parsed.pkg) };
}

const headings = (budget: Budget, id: string) =>
  tableLayouts(buildTables(budget, catalog))
    .filter((g) => g.id === id)
    .map((g) => g.body.flatMap((r) => r.cells).flatMap((c) => ("text" in c && c.kind === "head" ? [c.text] : [])));

describe("indicators without 一级/二级指标 (flat 表十/表十一)", () => {
  const flat = variant((p) => {
    for (const i of p.performance!.indicators!) {
      delete i.level1;
      delete i.level2;
    }
  });

  it("imports, and 表十 prints the indicators with blank levels", () => {
    const t10 = buildTables(flat.budget, catalog).T10!;
    expect(t10.indicators.length).toBe(8);
    expect(t10.indicators.every((i) => i.level1 === "" && i.level2 === "")).toBe(true);
    expect(t10.indicators[0]).toMatchObject({ name: "群体性事件发生量", unit: "批次", operator: "<=", value: "1", weight: "15", core: true });
  });

  it("prints 表十 without the 一级/二级指标 columns, and keeps them where any indicator has a level", () => {
    expect(headings(flat.budget, "T10")[0]).not.toContain("一级指标");
    expect(headings(flat.budget, "T10")[0]).toContain("指标名称");
    expect(headings(petition.budget, "T10")[0]).toEqual(expect.arrayContaining(["一级指标", "二级指标", "三级指标"]));
  });

  it("is a warning, once per indicator set, never an error", () => {
    const findings = checkBudget(flat.budget, catalog);
    expect(findings.filter((f) => f.rule === "indicators.levels-missing")).toEqual([
      expect.objectContaining({ severity: "warning", path: "performance.indicators", message: "部门整体支出绩效指标中有 8 条未填写一级指标或二级指标" }),
    ]);
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("exports without the levels it was given without", () => {
    const out = budgetToPackage(flat.budget);
    expect(out.performance!.indicators!.some((i) => "level1" in i || "level2" in i)).toBe(false);
    expect(out.projects![1]!.indicators![0]).toMatchObject({ level1: "产出指标", level2: "数量指标" });
  });
});

describe("projects without 项目分类/项目概述/立项依据/项目负责人", () => {
  const bare = variant((p) => {
    const project = p.projects![1]!;
    delete project.category;
    delete project.summary;
    delete project.basis;
    delete project.owner;
  });

  it("imports and prints the blank fields blank", () => {
    const entry = buildTables(bare.budget, catalog).T11!.find((t) => t.project.code === "50010922T000000086668")!;
    expect(entry.project).toMatchObject({ category: "", summary: "", basis: "", amount: "122.00" });
  });

  it("warns, naming the project and what is missing; no error", () => {
    const findings = checkBudget(bare.budget, catalog).filter((f) => f.rule === "project.fields-missing");
    expect(findings.every((f) => f.severity === "warning")).toBe(true);
    expect(findings.map((f) => f.message)).toContain("项目“日常维稳专项工作经费”未填写项目分类、项目概述、立项依据，公开的绩效目标表中这些栏目将为空");
    expect(findings.find((f) => f.path.endsWith(".owner"))!.message).toContain("3 个公开绩效目标表的项目未填写项目负责人");
    expect(checkBudget(bare.budget, catalog).filter((f) => f.severity === "error")).toEqual([]);
  });
});

describe("一级项目 and their projects in 表十一", () => {
  const grouped = variant((p) => {
    const [program, daily, logistics] = p.projects!;
    program!.tier = "program";
    program!.subUnit = "111";
    delete program!.category;
    logistics!.program = program!.code;
    // The 一级项目 listed last: its table still comes before its project's.
    p.projects = [daily!, logistics!, program!];
  });

  it("prints the 一级项目 in its own layout, followed by its projects", () => {
    const t11 = buildTables(grouped.budget, catalog).T11!;
    expect(t11.map((t) => t.project.name)).toEqual(["日常维稳专项工作经费", "解决特殊疑难信访问题专项资金", "日常维稳后勤保障经费"]);
    expect(t11[1]).toMatchObject({
      title: "2024年区级重点专项绩效目标表（一级项目）",
      tier: "program",
      project: { subUnit: { code: "111", name: "重庆市北碚区信访办公室" }, category: "", ownArrangement: "40.00", superiorSubsidy: "0.00" },
    });
    expect(t11[2]!.program).toEqual({ code: "50010924T000000000001", name: "解决特殊疑难信访问题专项资金" });
    expect(t11[0]!.program).toBeUndefined();
  });

  it("labels the 一级项目's money 部门留用/补助街镇 and names it without a code", () => {
    const grid = tableLayouts(buildTables(grouped.budget, catalog)).filter((g) => g.id === "T11")[1]!;
    const texts = grid.body.flatMap((r) => r.cells).flatMap((c) => ("text" in c ? [c.text] : []));
    expect(texts).toEqual(expect.arrayContaining(["一级项目名称", "解决特殊疑难信访问题专项资金", "部门留用", "补助街镇"]));
    expect(grid.preface).toEqual(["编制单位：111-重庆市北碚区信访办公室"]);
  });

  it("accepts the department as the 一级项目's 编制单位, and refuses an unknown 一级项目", () => {
    expect(checkBudget(grouped.budget, catalog).filter((f) => f.severity === "error")).toEqual([]);
    const dangling = variant((p) => (p.projects![1]!.program = "50010924T999999999999"));
    expect(findRule("project.program-known")!.check(ruleContext(dangling.budget, catalog))).toEqual([
      expect.objectContaining({ severity: "error", path: "projects[1].program" }),
    ]);
  });

  it("survives the package round trip", () => {
    const again = packageToBudget(budgetToPackage(grouped.budget));
    expect(again.projects.map((p) => [p.tier, p.program])).toEqual([
      [undefined, undefined],
      [undefined, "50010924T000000000001"],
      ["program", undefined],
    ]);
  });
});

describe("tables a department does not publish", () => {
  const own = variant((p) => (p.disclosure = { tables: ["T12", "T1", "T2", "T3", "T4", "T5", "T6", "T8", "T9", "T10", "T11"] }));

  it("leaves out what the department does not publish (no 部门收入总表) and prints the rest in the standard order", () => {
    const tables = buildTables(own.budget, catalog);
    expect(Object.keys(tables).filter((k) => /^T\d+$/.test(k))).toEqual(["T1", "T2", "T3", "T4", "T5", "T12", "T6", "T8", "T9", "T10", "T11"]);
    expect(
      tableLayouts(tables)
        .map((g) => g.id)
        .filter((id, i, all) => all.indexOf(id) === i),
    ).toEqual(["T1", "T2", "T3", "T4", "T5", "T12", "T6", "T8", "T9", "T10", "T11"]);
  });

  it("prints the empty 国有资本经营预算支出表 with the samples' note", () => {
    const tables = buildTables(own.budget, catalog);
    expect(tables.T12).toEqual({ total: { total: "0.00", basic: "0.00", project: "0.00" }, rows: [], note: NO_STATE_CAPITAL_NOTE });
    expect(NO_STATE_CAPITAL_NOTE).toBe("本部门无国有资本经营预算收支，故此表无数据。");
    const grid = tableLayouts(tables).find((g) => g.id === "T12")!;
    expect(grid.title).toBe("重庆市北碚区信访办公室国有资本经营预算支出表");
    expect(grid.note).toBe(NO_STATE_CAPITAL_NOTE);
  });

  it("still checks every table (the rules build the full set)", () => {
    expect(checkBudget(own.budget, catalog).filter((f) => f.severity === "error")).toEqual([]);
  });

  it("refuses an unknown or repeated table id with the field named", () => {
    const raw = JSON.parse(JSON.stringify(petition.pkg));
    raw.disclosure = { tables: ["T1", "T1"] };
    const parsed = parsePackageValue(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors[0]!.message).toContain("公开的表");
  });
});

describe("专业性名词解释", () => {
  it("is the standard text by default", () => {
    const md = buildNarrative(petition.budget, catalog).markdown;
    for (const paragraph of STANDARD_GLOSSARY) expect(md).toContain(paragraph);
  });

  it("is the department's own text when the package gives one, one paragraph a line", () => {
    const own = variant((p) => (p.narrative!.glossary = "（一）基本支出：指保障机构正常运转的支出。\n\n（二）项目支出：指完成特定任务的支出。"));
    const md = buildNarrative(own.budget, catalog).markdown;
    expect(md).toContain(
      "### 六、专业性名词解释\n\n（一）基本支出：指保障机构正常运转的支出。\n\n（二）项目支出：指完成特定任务的支出。\n\n部门预算公开联系人",
    );
    expect(md).not.toContain(STANDARD_GLOSSARY[0]);
    expect(budgetToPackage(own.budget).narrative!.glossary).toBe(own.pkg.narrative!.glossary);
  });
});

describe("placeholder text", () => {
  const rule = findRule("text.placeholder")!;
  const samples: Record<string, string> = {
    "（未填写）": "（未填写）",
    XX: "负责XX区的XX工作",
    "……": "主要用于……",
    待补充: "待补充",
    TODO: "TODO: 补充立项依据",
  };

  it.each(PLACEHOLDER_PATTERNS.map((p) => p.shown))("breaks on %s, once, naming the field in Chinese", (shown) => {
    const { budget } = variant((p) => (p.projects![1]!.basis = samples[shown]!));
    const findings = rule.check(ruleContext(budget, catalog));
    expect(findings).toEqual([
      {
        rule: "text.placeholder",
        severity: "error",
        path: "projects[1].basis",
        message: `项目“日常维稳专项工作经费”的立项依据含有占位文字 “${shown}”，请填写实际内容后再报送或公开`,
      },
    ]);
  });

  it("looks at every text field: indicators, the unit, the narrative and the 名词解释", () => {
    const { budget } = variant((p) => {
      p.performance!.indicators![2]!.name = "xx率";
      p.unit.functions![0] = "待补充";
      p.narrative!.threePublic!.reception = "TODO";
      p.narrative!.glossary = "（一）……";
    });
    const findings = rule.check(ruleContext(budget, catalog));
    expect(findings.map((f) => [f.path, f.message.split("含有")[0]])).toEqual([
      ["unit.functions[0]", "职能职责第 1 条"],
      ["performance.indicators[2].name", "部门整体支出第 3 条绩效指标的三级指标"],
      ["narrative.glossary", "情况说明的专业性名词解释"],
      ["narrative.threePublic.reception", "情况说明的公务接待费增减原因"],
    ]);
  });

  it("leaves ordinary text alone", () => {
    const { budget } = variant((p) => (p.projects![1]!.basis = "依据渝财行〔2011〕18号，XXL 型号设备除外；等等。"));
    expect(rule.check(ruleContext(budget, catalog))).toEqual([]);
  });
});
