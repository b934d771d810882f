import Decimal from "decimal.js";
import { ZERO, sum, toWanYuan } from "@/lib/budget/money";
import { decimalOfFen } from "@/lib/budget/compute/fen";
import { CARRYOVER_FUNDS, FUNDS, PROCUREMENT_CATEGORIES, type Fund } from "@/lib/budget/model";
import { FUND_LABELS, PROCUREMENT_CATEGORY_LABELS } from "@/lib/budget/package/labels";
import type { TableContext } from "@/lib/budget/tables/context";
import { economicName, functionName } from "@/lib/catalog/catalog";
import type { TraceLine, TraceSource } from "./types";

/**
 * The printed atoms of a budget with the 元 lines behind each, in the same grouping as
 * shownAmounts (compute/shown-amounts.ts), so that every printed figure is a sum of these.
 */
export interface Atom {
  key: string;
  label: string;
  source: TraceSource;
  printed: Decimal;
  lines: AtomLine[];
  function?: string;
  economic?: string;
  fund?: Fund;
  /** basic | project for expenditure; the part for others (ownArrangement, abroad, goods, …). */
  part?: string;
}

/** One entered line of an atom (元); TraceLine with the amount still a Decimal. */
export type AtomLine = Omit<TraceLine, "amount"> & { amount: Decimal };

export const THREE_PUBLIC_ITEMS = ["abroad", "vehiclePurchase", "vehicleOperation", "reception"] as const;
export const THREE_PUBLIC_LABELS: Record<string, string> = {
  abroad: "因公出国（境）费",
  vehiclePurchase: "公务用车购置费",
  vehicleOperation: "公务用车运行维护费",
  reception: "公务接待费",
};

export interface Atoms {
  basic: Atom[];
  projects: Atom[];
  projectParts: Atom[];
  income: Atom[];
  carryover: Atom[];
  threePublic: Atom[];
  procurement: Atom[];
  prior: {
    byFunction: Atom[];
    basic?: Atom;
    project?: Atom;
    threePublic: Atom[];
    operatingFunds?: Atom;
  };
  hasPrior: boolean;
}

export function buildAtoms(ctx: TableContext): Atoms {
  const { budget, shown } = ctx;
  const fn = (code: string) => `${code} ${functionName(ctx.catalog, code)}`.trim();
  const ec = (code: string) => `${code} ${economicName(ctx.catalog, code)}`.trim();

  const basicGroups = new Map<string, typeof budget.basicExpenditure>();
  for (const l of budget.basicExpenditure) {
    const k = `${l.function}|${l.economic}|${l.fund}`;
    basicGroups.set(k, [...(basicGroups.get(k) ?? []), l]);
  }
  const basic: Atom[] = shown.basic.map((s) => {
    const key = `${s.function}|${s.economic}|${s.fund}`;
    const group = basicGroups.get(key) ?? [];
    return {
      key: `basic:${key}`,
      label: `基本支出 ${fn(s.function)} × ${ec(s.economic)}（${FUND_LABELS[s.fund]}）`,
      source: "basic",
      printed: decimalOfFen(s.amount),
      function: s.function,
      economic: s.economic,
      fund: s.fund,
      part: "basic",
      lines: group.map((l) => ({
        source: "basic" as const,
        function: l.function,
        economic: l.economic,
        fund: l.fund,
        amount: l.amount,
        label: `基本支出 ${fn(l.function)} × ${ec(l.economic)}`,
      })),
    };
  });

  const projects: Atom[] = [];
  const projectParts: Atom[] = [];
  budget.projects.forEach((p, i) => {
    const s = shown.projects[i]!;
    const line = (amount: Decimal, item?: string, what = "项目支出") => ({
      source: "project" as const,
      function: p.function,
      ...(p.economic ? { economic: p.economic } : {}),
      fund: p.fund,
      project: p.code,
      ...(item ? { item } : {}),
      amount,
      label: `${what} ${p.code} ${p.name}`,
    });
    projects.push({
      key: `project:${i}`,
      label: `项目 ${p.code} ${p.name}`,
      source: "project",
      printed: decimalOfFen(s.amount),
      function: p.function,
      fund: p.fund,
      part: "project",
      lines: [line(p.amount)],
    });
    projectParts.push(
      {
        key: `project:${i}:own`,
        label: `项目 ${p.code} 本级安排`,
        source: "project",
        printed: decimalOfFen(s.ownArrangement),
        part: `${p.code}:ownArrangement`,
        lines: [line(p.ownArrangement, "ownArrangement", "本级安排")],
      },
      {
        key: `project:${i}:superior`,
        label: `项目 ${p.code} 上级补助`,
        source: "project",
        printed: decimalOfFen(s.superiorSubsidy),
        part: `${p.code}:superiorSubsidy`,
        lines: [line(p.superiorSubsidy, "superiorSubsidy", "上级补助")],
      },
    );
  });

  const income: Atom[] = FUNDS.map((f) => ({
    key: `income:${f}`,
    label: `收入 ${FUND_LABELS[f]}`,
    source: "income",
    printed: decimalOfFen(shown.income[f]),
    fund: f,
    lines: [{ source: "income" as const, fund: f, amount: budget.income[f], label: `本年收入 ${FUND_LABELS[f]}` }],
  }));
  const carryover: Atom[] = CARRYOVER_FUNDS.map((f) => ({
    key: `carryover:${f}`,
    label: `上年结转 ${FUND_LABELS[f]}`,
    source: "carryover",
    printed: decimalOfFen(shown.carryover[f]),
    fund: f,
    lines: [{ source: "carryover" as const, fund: f, amount: budget.income.carryover[f], label: `上年结转 ${FUND_LABELS[f]}` }],
  }));

  const threePublic: Atom[] = THREE_PUBLIC_ITEMS.map((item) => ({
    key: `threePublic:${item}`,
    label: `“三公”经费 ${THREE_PUBLIC_LABELS[item]}`,
    source: "threePublic",
    printed: decimalOfFen(shown.threePublic[item]),
    part: item,
    lines: [{ source: "threePublic" as const, item, fund: "generalBudget", amount: budget.threePublic[item], label: THREE_PUBLIC_LABELS[item]! }],
  }));

  const procurement: Atom[] = shown.procurement.map((s) => ({
    key: `procurement:${s.category}|${s.fund}`,
    label: `政府采购 ${PROCUREMENT_CATEGORY_LABELS[s.category]}（${FUND_LABELS[s.fund]}）`,
    source: "procurement",
    printed: decimalOfFen(s.amount),
    fund: s.fund,
    part: s.category,
    lines: budget.procurement
      .filter((l) => l.category === s.category && l.fund === s.fund)
      .map((l) => ({
        source: "procurement" as const,
        item: l.category,
        fund: l.fund,
        amount: l.amount,
        label: `政府采购 ${PROCUREMENT_CATEGORY_LABELS[l.category]}`,
      })),
  }));
  void PROCUREMENT_CATEGORIES;

  const sp = shown.prior;
  const priorInput = ctx.prior;
  const prior: Atoms["prior"] = { byFunction: [], threePublic: [] };
  if (sp && priorInput) {
    const byFunctionExact = priorInput.expenditureByFunction ?? {};
    for (const [code, printed] of sp.byFunction ?? []) {
      prior.byFunction.push({
        key: `prior:function:${code}`,
        label: `上年预算数 ${fn(code)}`,
        source: "prior",
        printed: decimalOfFen(printed),
        function: code,
        fund: "generalBudget",
        lines: [{ source: "prior", function: code, fund: "generalBudget", amount: byFunctionExact[code] ?? ZERO, label: `上年一般公共预算支出 ${fn(code)}` }],
      });
    }
    const agg = (key: string, label: string, printed: Decimal, amount: Decimal, item: string): Atom => ({
      key: `prior:${key}`,
      label: `上年${label}`,
      source: "prior",
      printed,
      part: item,
      lines: [{ source: "prior", fund: "generalBudget", item, amount, label: `上年${label}` }],
    });
    prior.basic = agg("basic", "基本支出", decimalOfFen(sp.basic), priorInput.basic, "basic");
    prior.project = agg("project", "项目支出", decimalOfFen(sp.project), priorInput.project, "project");
    prior.operatingFunds = agg("operatingFunds", "机关运行经费", decimalOfFen(sp.operatingFunds), priorInput.operatingFunds, "operatingFunds");
    prior.threePublic = THREE_PUBLIC_ITEMS.map((item) =>
      agg(`threePublic:${item}`, `“三公”经费 ${THREE_PUBLIC_LABELS[item]}`, decimalOfFen(sp.threePublic[item]), priorInput.threePublic[item], item),
    );
  }
  return { basic, projects, projectParts, income, carryover, threePublic, procurement, prior, hasPrior: sp !== undefined };
}

export function atomSum(atom: Atom): Decimal {
  return sum(atom.lines.map((l) => l.amount));
}

export function atomRounding(atom: Atom): "round" | "apportioned" {
  return toWanYuan(atomSum(atom)).equals(atom.printed) ? "round" : "apportioned";
}

export function toLine(l: Atom["lines"][number], sign: 1 | -1): TraceLine {
  const { amount, ...rest } = l;
  return { ...rest, amount: (sign < 0 ? amount.negated() : amount).toFixed(2) };
}
