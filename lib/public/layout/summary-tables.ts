import type { DisclosureTables, FiscalColumns } from "@/lib/budget/tables/types";
import { FUNDS, type Fund } from "@/lib/budget/model";
import { parseWan } from "@/lib/budget/money";
import { blank, head, text, traced } from "./cells";
import type { TableBody } from "./function-tables";
import type { GridCell, GridRow } from "./types";

type Side = GridCell[];

/** Pairs the income column with the expenditure column row by row, padding the shorter side. */
function pair(left: Side[], right: Side[], leftWidth: number, rightWidth: number): GridRow[] {
  const n = Math.max(left.length, right.length);
  const rows: GridRow[] = [];
  for (let i = 0; i < n; i++) {
    rows.push({ cells: [...(left[i] ?? blanks(leftWidth)), ...(right[i] ?? blanks(rightWidth))] });
  }
  return rows;
}

function blanks(n: number): GridCell[] {
  return Array.from({ length: n }, () => blank());
}

const fiscal = (name: string, c: FiscalColumns, row: string): Side => [
  text(name),
  traced(c.total, "T1", row, "total"),
  traced(c.generalBudget, "T1", row, "generalBudget"),
  traced(c.governmentFund, "T1", row, "governmentFund"),
  traced(c.stateCapital, "T1", row, "stateCapital"),
];

/** 财政拨款收支总表: income and expenditure side by side, sections aligned as in the samples. */
export function t1Layout(tables: DisclosureTables): TableBody | undefined {
  const t = tables.T1;
  if (!t) return undefined;
  const y = tables.year;
  const i = t.income;
  const e = t.expenditure;
  const incomeCurrent: Side[] = [
    [text("一、本年收入"), traced(i.current.total, "T1", "income", "total")],
    [text("一般公共预算资金"), traced(i.current.generalBudget, "T1", "income", "generalBudget")],
    [text("政府性基金预算资金"), traced(i.current.governmentFund, "T1", "income", "governmentFund")],
    [text("国有资本经营预算资金"), traced(i.current.stateCapital, "T1", "income", "stateCapital")],
  ];
  const expenditureCurrent: Side[] = [fiscal("一、本年支出", e.current, "expenditure"), ...e.byClass.map((c) => fiscal(c.name, c, c.code))];
  const incomeCarry: Side[] = [
    [text("二、上年结转"), traced(i.carryover.total, "T1", "carryover", "total")],
    [text("一般公共预算拨款"), traced(i.carryover.generalBudget, "T1", "carryover", "generalBudget")],
    [text("政府性基金预算拨款"), traced(i.carryover.governmentFund, "T1", "carryover", "governmentFund")],
    [text("国有资本经营收入"), traced(i.carryover.stateCapital, "T1", "carryover", "stateCapital")],
  ];
  const expenditureCarry: Side[] = [fiscal("二、结转下年", e.carryForward, "carryForward")];
  return {
    columns: 7,
    widths: [24, 14, 30, 14, 14, 14, 14],
    head: [
      [head(`${y}年收入`, 2), head(`${y}年支出`, 5)],
      [head("项目"), head("预算数"), head("项目"), head("合计"), head("一般公共预算"), head("政府性基金预算"), head("国有资本经营预算")],
    ],
    body: [
      ...pair(incomeCurrent, expenditureCurrent, 2, 5),
      ...pair(incomeCarry, expenditureCarry, 2, 5),
      { total: true, cells: [text("收入合计"), traced(i.total, "T1", "incomeTotal", "total"), ...fiscal("支出合计", e.total, "expenditureTotal")] },
    ],
  };
}

/** Income rows of 部门收支总表, in the samples' order and wording. */
const T6_INCOME: { fund: Fund; label: string }[] = [
  { fund: "generalBudget", label: "一般公共预算资金" },
  { fund: "governmentFund", label: "政府性基金预算资金" },
  { fund: "stateCapital", label: "国有资本经营预算资金" },
  { fund: "specialAccount", label: "财政专户管理资金" },
  { fund: "operations", label: "事业收入资金" },
  { fund: "superiorSubsidy", label: "上级补助收入资金" },
  { fund: "subordinateRemit", label: "附属单位上缴收入资金" },
  { fund: "business", label: "事业单位经营收入资金" },
  { fund: "other", label: "其他收入资金" },
];

/** 部门收支总表. The samples have no 上年结转 row; it is shown only when there is one, so the rows still add up. */
export function t6Layout(tables: DisclosureTables): TableBody | undefined {
  const t = tables.T6;
  if (!t) return undefined;
  const y = tables.year;
  const income: Side[] = T6_INCOME.map(({ fund, label }) => [text(label), traced(t.income[fund], "T6", fund, "total")]);
  if (t.income.carryover !== undefined && !parseWan(t.income.carryover).isZero())
    income.push([text("上年结转资金"), traced(t.income.carryover, "T6", "carryover", "total")]);
  const expenditure: Side[] = t.expenditure.byClass.map((c) => [text(c.name), traced(c.total, "T6", c.code, "total")]);
  return {
    columns: 4,
    widths: [26, 14, 30, 14],
    head: [
      [head(`${y}年收入`, 2), head(`${y}年支出`, 2)],
      [head("项目"), head("预算数"), head("项目"), head("预算数")],
    ],
    body: [
      {
        total: true,
        cells: [
          text("合计"),
          traced(t.income.total, "T6", "incomeTotal", "total"),
          text("合计"),
          traced(t.expenditure.total, "T6", "expenditureTotal", "total"),
        ],
      },
      ...pair(income, expenditure, 2, 2),
    ],
  };
}

/** Column headings of 政府采购预算明细表, one per income source, as printed. */
const T9_FUND_HEADS: Record<Fund, string> = {
  generalBudget: "一般公共预算拨款收入",
  governmentFund: "政府性基金预算拨款收入",
  stateCapital: "国有资本经营预算拨款收入",
  specialAccount: "财政专户管理收入",
  operations: "事业收入",
  superiorSubsidy: "上级补助收入",
  subordinateRemit: "附属单位上缴收入",
  business: "事业单位经营收入",
  other: "其他收入",
};
const CATEGORY_ROWS = { goods: "货物类", works: "工程类", services: "服务类" } as const;

export function t9Layout(tables: DisclosureTables): TableBody | undefined {
  const t = tables.T9;
  if (!t) return undefined;
  const cols = (c: Record<string, string>, row: string) => [traced(c.total, "T9", row, "total"), ...FUNDS.map((f) => traced(c[f], "T9", row, f))];
  return {
    columns: 2 + FUNDS.length,
    widths: [12, 12, ...FUNDS.map(() => 13)],
    head: [[head("项目"), head("总计"), ...FUNDS.map((f) => head(T9_FUND_HEADS[f]))]],
    body: [
      { total: true, cells: [text("合计"), ...cols(t.total, "total")] },
      ...t.rows.map((r) => ({ cells: [text(CATEGORY_ROWS[r.category]), ...cols(r, r.category)] })),
    ],
    ...(t.note ? { note: t.note } : {}),
  };
}
