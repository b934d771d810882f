import { formatOperator } from "@/lib/format";
import { fillYear } from "@/lib/budget/tables/template";
import type { FiscalColumns, ThreePublicColumns } from "@/lib/budget/tables/types";
import { FINAL_TABLE_TITLES } from "@/lib/final/tables/template";
import { INCOME_SOURCES, type F10SelfEvaluation, type FinalTableId, type FinalTables, type IncomeSource } from "@/lib/final/tables/types";
import { blank, head, label, text, traced, UNIT_LABEL } from "./cells";
import { SUBJECT_WIDTHS, subjectRows, type TableBody } from "./function-tables";
import type { GridCell, GridRow, GridTable } from "./types";

/**
 * The grids of the 部门决算公开 tables (财决公开01–09) and the 项目支出绩效自评表, in the layout
 * of the published 决算: the same GridTable the budget's tables use, so the page, the PDF and the
 * Excel file render them with the same code.
 */

const INCOME_LABELS: Record<IncomeSource, string> = {
  generalBudget: "一般公共预算财政拨款收入",
  governmentFund: "政府性基金预算财政拨款收入",
  stateCapital: "国有资本经营预算财政拨款收入",
  superiorSubsidy: "上级补助收入",
  operations: "事业收入",
  business: "经营收入",
  subordinateRemit: "附属单位上缴收入",
  other: "其他收入",
};

function pairRows(left: GridCell[][], right: GridCell[][], lw: number, rw: number): GridRow[] {
  const n = Math.max(left.length, right.length);
  const blanks = (k: number) => Array.from({ length: k }, () => blank());
  return Array.from({ length: n }, (_, i) => ({ cells: [...(left[i] ?? blanks(lw)), ...(right[i] ?? blanks(rw))] }));
}

function f1(t: FinalTables): TableBody {
  const i = t.F1.income;
  const e = t.F1.expenditure;
  const f = (a: string, row: string) => traced(a, "F1", row, "amount");
  const left = INCOME_SOURCES.map((s, n) => [text(`${"一二三四五六七八"[n]}、${INCOME_LABELS[s]}`), f(i[s], s)]);
  const right = e.byClass.map((c, n) => [text(`${n + 1}、${c.name}`), f(c.amount, c.code)]);
  return {
    columns: 4,
    widths: [34, 14, 34, 14],
    head: [
      [head("收入", 2), head("支出", 2)],
      [head("项目"), head("决算数"), head("项目"), head("决算数")],
    ],
    body: [
      ...pairRows(left, right, 2, 2),
      { total: true, cells: [text("本年收入合计"), f(i.total, "income"), text("本年支出合计"), f(e.total, "expenditure")] },
      { cells: [text("年初结转和结余"), f(i.opening, "opening"), text("年末结转和结余"), f(e.closing, "closing")] },
      { total: true, cells: [text("总计"), f(i.grandTotal, "incomeTotal"), text("总计"), f(e.grandTotal, "expenditureTotal")] },
    ],
  };
}

function f2(t: FinalTables): TableBody {
  const keys = ["total", "fiscal", "superiorSubsidy", "operations", "business", "subordinateRemit", "other"] as const;
  return {
    columns: 2 + keys.length,
    widths: [...SUBJECT_WIDTHS, ...keys.map(() => 13)],
    head: [
      [
        head("科目编码"),
        head("科目名称"),
        head("本年收入合计"),
        head("财政拨款收入"),
        head("上级补助收入"),
        head("事业收入"),
        head("经营收入"),
        head("附属单位上缴收入"),
        head("其他收入"),
      ],
    ],
    body: subjectRows("F2", t.F2.total, t.F2.rows, [...keys]),
  };
}

const splitHead = (first: string): GridCell[][] => [[head("科目编码"), head("科目名称"), head(first), head("基本支出"), head("项目支出")]];

function f3(t: FinalTables): TableBody {
  return {
    columns: 5,
    widths: [...SUBJECT_WIDTHS, 14, 14, 14],
    head: splitHead("本年支出合计"),
    body: subjectRows("F3", t.F3.total, t.F3.rows, ["total", "basic", "project"]),
  };
}

const FISCAL_KEYS = ["total", "generalBudget", "governmentFund", "stateCapital"] as const;
const fiscalCells = (c: FiscalColumns, row: string) => FISCAL_KEYS.map((k) => traced(c[k], "F4", row, k));

function f4(t: FinalTables): TableBody {
  const i = t.F4.income;
  const e = t.F4.expenditure;
  const left: GridCell[][] = [
    [text("一、本年收入"), traced(i.current.total, "F4", "income", "total")],
    [text("一般公共预算财政拨款"), traced(i.current.generalBudget, "F4", "income", "generalBudget")],
    [text("政府性基金预算财政拨款"), traced(i.current.governmentFund, "F4", "income", "governmentFund")],
    [text("国有资本经营预算财政拨款"), traced(i.current.stateCapital, "F4", "income", "stateCapital")],
    [text("二、年初财政拨款结转和结余"), traced(i.opening.total, "F4", "opening", "total")],
    [text("一般公共预算财政拨款"), traced(i.opening.generalBudget, "F4", "opening", "generalBudget")],
    [text("政府性基金预算财政拨款"), traced(i.opening.governmentFund, "F4", "opening", "governmentFund")],
    [text("国有资本经营预算财政拨款"), traced(i.opening.stateCapital, "F4", "opening", "stateCapital")],
  ];
  const right: GridCell[][] = [
    [text("一、本年支出"), ...fiscalCells(e.current, "expenditure")],
    ...e.byClass.map((c) => [text(c.name), ...fiscalCells(c, c.code)]),
    [text("二、年末财政拨款结转和结余"), ...fiscalCells(e.closing, "closing")],
  ];
  return {
    columns: 7,
    widths: [30, 14, 30, 14, 14, 14, 14],
    head: [
      [head("收入", 2), head("支出", 5)],
      [
        head("项目"),
        head("决算数"),
        head("项目"),
        head("合计"),
        head("一般公共预算财政拨款"),
        head("政府性基金预算财政拨款"),
        head("国有资本经营预算财政拨款"),
      ],
    ],
    body: [
      ...pairRows(left, right, 2, 5),
      { total: true, cells: [text("收入总计"), traced(i.total, "F4", "incomeTotal", "total"), text("支出总计"), ...fiscalCells(e.total, "expenditureTotal")] },
    ],
  };
}

function f5(t: FinalTables): TableBody {
  return {
    columns: 6,
    widths: [...SUBJECT_WIDTHS, 14, 14, 14, 14],
    head: [
      [head("科目编码", 1, 2), head("科目名称", 1, 2), head("年初预算数", 1, 2), head(`${t.year}年度决算数`, 3)],
      [head("合计"), head("基本支出"), head("项目支出")],
    ],
    body: subjectRows("F5", t.F5.total, t.F5.rows, ["initial", "total", "basic", "project"]),
  };
}

function f6(t: FinalTables): TableBody {
  return {
    columns: 5,
    widths: [...SUBJECT_WIDTHS, 14, 14, 14],
    head: [[head("经济分类科目编码"), head("科目名称"), head("决算数合计"), head("人员经费"), head("公用经费")]],
    body: subjectRows("F6", t.F6.total, t.F6.rows, ["total", "personnel", "public"]),
  };
}

const THREE_PUBLIC_COLUMNS = ["total", "abroad", "vehicle", "vehiclePurchase", "vehicleOperation", "reception"] as const;
const threePublicCells = (c: ThreePublicColumns, row: "budget" | "actual") => THREE_PUBLIC_COLUMNS.map((k) => traced(c[k], "F7", row, k));

function f7(t: FinalTables): TableBody {
  const block = (title: string): GridCell[][] => [
    [head(title, 6)],
    [head("合计", 1, 2), head("因公出国（境）费", 1, 2), head("公务用车购置及运行费", 3), head("公务接待费", 1, 2)],
    [head("小计"), head("公务用车购置费"), head("公务用车运行费")],
  ];
  const a = block("预算数");
  const b = block("决算数");
  return {
    columns: 12,
    widths: Array.from({ length: 12 }, () => 11),
    head: a.map((row, i) => [...row, ...b[i]!]),
    body: [{ cells: [...threePublicCells(t.F7.budget, "budget"), ...threePublicCells(t.F7.actual, "actual")] }],
  };
}

function f8(t: FinalTables): TableBody {
  return {
    columns: 5,
    widths: [...SUBJECT_WIDTHS, 14, 14, 14],
    head: splitHead("本年支出合计"),
    body: [
      { cells: [text("年初结转和结余", 2), traced(t.F8.opening, "F8", "opening", "total"), blank(), blank()] },
      { cells: [text("本年收入", 2), traced(t.F8.income, "F8", "income", "total"), blank(), blank()] },
      ...subjectRows("F8", t.F8.total, t.F8.rows, ["total", "basic", "project"]),
      { cells: [text("年末结转和结余", 2), traced(t.F8.closing, "F8", "closing", "total"), blank(), blank()] },
    ],
    ...(t.F8.note ? { note: t.F8.note } : {}),
  };
}

function f9(t: FinalTables): TableBody {
  return {
    columns: 5,
    widths: [...SUBJECT_WIDTHS, 14, 14, 14],
    head: splitHead("本年支出合计"),
    body: subjectRows("F9", t.F9.total, t.F9.rows, ["total", "basic", "project"]),
    ...(t.F9.note ? { note: t.F9.note } : {}),
  };
}

const SELF_WIDTHS = [10, 12, 12, 22, 9, 12, 12, 10, 10, 18];

/** 项目支出绩效自评表: the header block, the funding rows, goal/outcome, then one row per indicator. */
export function f10Layout(e: F10SelfEvaluation): TableBody {
  const fund = (name: string, r: F10SelfEvaluation["funds"]["total"], part: "Total" | "Superior" | "Local"): GridRow => ({
    cells: [
      label(name, 2),
      traced(r.budget, "F10", e.project.code, `budget${part}`, 2),
      traced(r.actual, "F10", e.project.code, `actual${part}`, 2),
      text(r.rate === "" ? "" : `${r.rate}%`, 2),
      blank(2),
    ],
  });
  return {
    columns: 10,
    widths: SELF_WIDTHS,
    head: [],
    body: [
      { cells: [label("项目名称", 2), text(e.project.name, 4), label("自评总分", 2), text(e.score, 2)] },
      { cells: [label("主管部门", 2), text(e.department, 4), label("实施单位", 2), text(e.implementer, 2)] },
      { cells: [label("联系人及电话", 2), text(e.contact, 8)] },
      { cells: [label("项目资金（万元）", 2), head("全年预算数（A）", 2), head("全年执行数（B）", 2), head("执行率（B/A）", 2), blank(2)] },
      fund("年度资金总额", e.funds.total, "Total"),
      fund("其中：上级资金", e.funds.superior, "Superior"),
      fund("本级资金", e.funds.local, "Local"),
      { cells: [label("年度总体目标", 2, 2), head("预期目标", 4), head("实际完成情况", 4)] },
      { cells: [text(e.goal, 4), text(e.outcome, 4)] },
      {
        cells: [
          head("一级指标"),
          head("二级指标"),
          head("三级指标", 2),
          head("指标性质"),
          head("年度指标值"),
          head("全年完成值"),
          head("完成比例（%）"),
          head("指标得分"),
          head("未完成原因"),
        ],
      },
      ...e.indicators.map((i) => ({
        cells: [
          text(i.level1),
          text(i.level2),
          text(`${i.name}${i.unit ? `（${i.unit}）` : ""}`, 2),
          text(formatOperator(i.operator)),
          text(i.value),
          text(i.actual),
          text(i.ratio),
          text(i.score),
          text(i.reason),
        ],
      })),
      { total: true, cells: [label("合计", 8), text(e.score), text(`权重合计 ${e.weightTotal}`)] },
    ],
  };
}

const LAYOUTS: Record<Exclude<FinalTableId, "F10">, (t: FinalTables) => TableBody> = { F1: f1, F2: f2, F3: f3, F4: f4, F5: f5, F6: f6, F7: f7, F8: f8, F9: f9 };
const PUBLIC_NUMBERS = ["01", "02", "03", "04", "05", "06", "07", "08", "09"];

/** Every grid of a 决算 in print order: 财决公开01–09, then one 绩效自评表 per evaluated project. */
export function finalTableLayouts(t: FinalTables): GridTable[] {
  const out: GridTable[] = (Object.keys(LAYOUTS) as (keyof typeof LAYOUTS)[]).map((id, i) => {
    const shortTitle = fillYear(FINAL_TABLE_TITLES[id], t.year);
    return {
      key: id,
      id,
      title: `${t.unit.name}${shortTitle}`,
      shortTitle,
      preface: [`财决公开${PUBLIC_NUMBERS[i]}　编制单位：${t.unit.name}`],
      unitLabel: UNIT_LABEL,
      ...LAYOUTS[id](t),
    };
  });
  t.F10.forEach((e, i) => {
    out.push({
      key: `F10-${i + 1}`,
      id: "F10",
      title: e.title || fillYear(FINAL_TABLE_TITLES.F10, t.year),
      shortTitle: `绩效自评：${e.project.name}`,
      preface: [`填报单位：${e.reportingUnit}`],
      unitLabel: UNIT_LABEL,
      ...f10Layout(e),
    });
  });
  return out;
}
