import { describe, expect, it } from "vitest";
import { buildTables } from "@/lib/budget/tables";
import { loadFixtures } from "@/test/support/budget/fixtures";
import { placeCells, tableLayouts, type GridTable } from "./index";
import type { GridCell } from "./types";

const fixtures = loadFixtures();
const office = fixtures.find((f) => f.name === "beibei-government-office-2024")!;
const petition = fixtures.find((f) => f.name === "beibei-petition-office-2024")!;
const services = fixtures.find((f) => f.name === "beibei-government-services-2023")!;
const layouts = (f: typeof office) => tableLayouts(buildTables(f.budget, f.catalog));
const byKey = (grids: GridTable[], key: string) => grids.find((g) => g.key === key)!;
const texts = (cells: GridCell[]) => cells.map((c) => (c.kind === "amount" ? c.amount : c.text));

describe("tableLayouts", () => {
  it.each(fixtures.map((f) => [f.name, f] as const))("%s: every grid fills its columns exactly", (_name, f) => {
    for (const g of layouts(f)) {
      expect(() => placeCells([...g.head, ...g.body.map((r) => r.cells)], g.columns), g.key).not.toThrow();
      expect(g.widths).toHaveLength(g.columns);
    }
  });

  it("lists the tables in the template's order, one per T11 entry, titled like the samples", () => {
    const grids = layouts(office);
    expect(grids.map((g) => g.key)).toEqual(["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "T10", "T11-1", "T11-2"]);
    expect(byKey(grids, "T2").title).toBe("重庆市北碚区人民政府办公室一般公共预算财政拨款支出预算表");
    expect(byKey(grids, "T9").title).toBe("重庆市北碚区人民政府办公室2024年政府采购预算明细表");
    expect(byKey(grids, "T10").title).toBe("2024年部门（单位）整体支出绩效目标表");
    expect(byKey(grids, "T11-1").title).toBe("2024年项目支出绩效目标表");
    expect(byKey(grids, "T11-1").preface).toEqual(["编制单位：104001-重庆市北碚区人民政府办公室（本级）"]);
  });

  it("T2: merged header with 上年预算数, 合计 first, and the 备注", () => {
    const t2 = byKey(layouts(office), "T2");
    expect(t2.head[0]).toEqual([
      { kind: "head", text: "功能分类科目", colSpan: 2, rowSpan: 1 },
      { kind: "head", text: "2023年预算数", colSpan: 1, rowSpan: 2 },
      { kind: "head", text: "2024年预算数", colSpan: 3, rowSpan: 1 },
    ]);
    expect(texts(t2.head[1]!)).toEqual(["科目编码", "科目名称", "总计", "基本支出", "项目支出"]);
    expect(t2.body[0]!.total).toBe(true);
    expect(texts(t2.body[0]!.cells)).toEqual(["合计", "2890.22", "2514.61", "1746.21", "768.40"]);
    expect(texts(t2.body[1]!.cells)).toEqual(["201", "一般公共服务支出", "2412.71", "2009.28", "1240.88", "768.40"]);
    expect(t2.note).toBe("本表反映2024年当年一般公共预算财政拨款支出情况。");
  });

  it("T2 and T4 drop the 上年 columns when the budget was published without them (2023 fixture)", () => {
    const grids = layouts(services);
    expect(byKey(grids, "T2").columns).toBe(5);
    expect(byKey(grids, "T2").head[0]!.map((c) => (c.kind === "head" ? c.text : ""))).toEqual(["功能分类科目", "2023年预算数"]);
    expect(byKey(grids, "T4").columns).toBe(6);
  });

  it("T1 aligns 上年结转 with 结转下年 and ends with the two 合计", () => {
    const t1 = byKey(layouts(office), "T1");
    const rows = t1.body.map((r) => texts(r.cells));
    expect(rows[0]).toEqual(["一、本年收入", "2514.61", "一、本年支出", "2514.61", "2514.61", "0.00", "0.00"]);
    // Four 类 make the first section five rows: the income side is padded with one blank row.
    expect(rows[4]!.slice(0, 2)).toEqual(["", ""]);
    expect(rows[5]!.slice(0, 3)).toEqual(["二、上年结转", "0.00", "二、结转下年"]);
    expect(rows.at(-1)!.slice(0, 3)).toEqual(["收入合计", "2514.61", "支出合计"]);
  });

  it("T4: two year blocks of six columns, 公务用车购置及运行费 over three", () => {
    const t4 = byKey(layouts(office), "T4");
    expect(t4.columns).toBe(12);
    expect(texts(t4.head[0]!)).toEqual(["2023年预算数", "2024年预算数"]);
    expect(texts(t4.body[0]!.cells)).toEqual(["37.00", "0.00", "33.00", "0.00", "33.00", "4.00", "27.50", "0.00", "24.00", "0.00", "24.00", "3.50"]);
  });

  it("T5 and T9 carry the samples' 备注 when empty", () => {
    const grids = layouts(office);
    expect(byKey(grids, "T5").note).toBe("本部门无政府性基金收支，故此表无数据。");
    expect(byKey(grids, "T9").note).toBe("本部门无政府采购预算，故此表无数据。");
    expect(texts(byKey(grids, "T9").body.map((r) => r.cells[0]!))).toEqual(["合计", "货物类", "工程类", "服务类"]);
  });

  it("T10 and T11 are form-like grids with the indicators under 绩效指标", () => {
    const grids = layouts(office);
    const t10 = byKey(grids, "T10");
    expect(texts(t10.body[0]!.cells)).toEqual([
      "部门名称",
      "104-重庆市北碚区人民政府办公室",
      "部门支出预算总额（万元）",
      "2514.61",
      "归口管理科室",
      "004-行财科",
    ]);
    const indicators = t10.body[2]!.cells[0]!;
    expect(indicators).toMatchObject({ kind: "label", text: "绩效指标", rowSpan: 7 });
    expect(texts(t10.body[3]!.cells)).toEqual(["产出指标", "质量指标", "部门“三公”经费下降率", "%", "≥", "5", "10", "是"]);
    const t11 = byKey(grids, "T11-1");
    expect(texts(t11.body[0]!.cells)).toEqual(["项目名称", "50010924T000004332784-政府网站安全等级测评费", "业务主管部门", "重庆市北碚区人民政府办公室"]);
    expect(texts(t11.body.find((r) => r.cells[0]!.kind === "label" && texts(r.cells)[0] === "绩效指标")!.cells)).toContain("指标权重");
  });

  it("a 一级项目 table (petition office, titled as printed) uses its own labels and title", () => {
    // The engine cannot tell a 一级项目 (fixtures NOTES.md); the expected.json form carries the printed title.
    const tables = { ...buildTables(petition.budget, petition.catalog), T11: petition.expected!.T11 as never };
    const grids = tableLayouts(tables);
    const first = grids.find((g) => g.title.includes("一级项目"))!;
    expect(first.title).toBe("2024年区级重点专项绩效目标表（一级项目）");
    expect(texts(first.body.map((r) => r.cells[0]!)).slice(0, 3)).toEqual(["一级项目名称", "预算执行率权重", "当年预算金额"]);
    expect(texts(first.body[1]!.cells)).toContain("部门留用");
  });

  it("T7 (部门收入总表) has one column per income source", () => {
    const t7 = byKey(layouts(services), "T7");
    expect(t7.columns).toBe(12);
    expect(texts(t7.body[0]!.cells).slice(0, 3)).toEqual(["合计", "662.22", "662.22"]);
  });
});

describe("placeCells", () => {
  it("skips columns taken by a cell spanning rows", () => {
    const h = (t: string, colSpan = 1, rowSpan = 1): GridCell => ({ kind: "head", text: t, colSpan, rowSpan });
    const placed = placeCells(
      [
        [h("a", 1, 2), h("b", 2)],
        [h("c"), h("d")],
      ],
      3,
    );
    expect(placed.map((p) => [p.row, p.col])).toEqual([
      [0, 0],
      [0, 1],
      [1, 1],
      [1, 2],
    ]);
  });
  it("refuses a row that does not fill the grid", () => {
    expect(() => placeCells([[{ kind: "text", text: "x" }]], 2)).toThrow(/应为 2 列/);
  });
});
