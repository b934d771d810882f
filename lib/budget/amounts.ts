import type Decimal from "decimal.js";
import type { Budget } from "./model";
import { FIELD_LABELS, FUND_LABELS, PROCUREMENT_CATEGORY_LABELS } from "./package/labels";
import type { PackageKey } from "./parts";

/** One amount of a budget, in 元, named by what it is. */
export interface BudgetAmount {
  /**
   * Stable identity: lines by their subjects, projects by code, never by position
   * ("basic/2010301/30101/generalBudget", "project/500109…/amount"). The trail stores it.
   */
  key: string;
  /** The package part the amount belongs to (lib/budget/parts.ts). */
  part: PackageKey;
  /** Chinese name of the amount ("基本支出 2010301 行政运行 × 30101 基本工资（一般公共预算）"). */
  label: string;
  amount: Decimal;
}

export interface SubjectNames {
  functionName(code: string): string;
  economicName(code: string): string;
}

const NO_NAMES: SubjectNames = { functionName: () => "", economicName: () => "" };

const THREE_PUBLIC = ["abroad", "vehiclePurchase", "vehicleOperation", "reception"] as const;

/**
 * Every amount of a budget once, keyed by what it is: the one walk the trail, the reviewer's diff
 * and the import preview compare. Lines with the same identity add up, as the engine sums them,
 * so reordering or splitting a line is not a change. Subject names are added to labels when given.
 */
export function budgetAmounts(b: Budget, names: SubjectNames = NO_NAMES): Map<string, BudgetAmount> {
  const out = new Map<string, BudgetAmount>();
  const put = (part: PackageKey, key: string, label: string, amount: Decimal) => {
    const seen = out.get(key);
    out.set(key, { key, part, label, amount: seen ? seen.amount.plus(amount) : amount });
  };
  const fund = (f: string) => (FUND_LABELS as Record<string, string>)[f] ?? f;
  const fn = (code: string) => `${code} ${names.functionName(code)}`.trim();
  const ec = (code: string) => `${code} ${names.economicName(code)}`.trim();
  const threePublic = (k: (typeof THREE_PUBLIC)[number]) => FIELD_LABELS[`threePublic.${k}`] ?? k;

  const { carryover, ...income } = b.income;
  for (const [f, v] of Object.entries(income)) put("income", `income/${f}`, `收入预算：${fund(f)}`, v);
  for (const [f, v] of Object.entries(carryover)) put("income", `income/carryover/${f}`, `上年结转：${fund(f)}`, v);
  for (const l of b.basicExpenditure) {
    put("basicExpenditure", `basic/${l.function}/${l.economic}/${l.fund}`, `基本支出 ${fn(l.function)} × ${ec(l.economic)}（${fund(l.fund)}）`, l.amount);
  }
  for (const p of b.projects) {
    const label = (what: string) => `项目 ${p.code} ${p.name}：${what}`;
    put("projects", `project/${p.code}/amount`, label("金额"), p.amount);
    put("projects", `project/${p.code}/ownArrangement`, label("本级安排"), p.ownArrangement);
    put("projects", `project/${p.code}/superiorSubsidy`, label("上级补助"), p.superiorSubsidy);
  }
  for (const k of THREE_PUBLIC) put("threePublic", `threePublic/${k}`, `“三公”经费：${threePublic(k)}`, b.threePublic[k]);
  for (const l of b.procurement) {
    put("procurement", `procurement/${l.category}/${l.fund}`, `政府采购：${PROCUREMENT_CATEGORY_LABELS[l.category]}（${fund(l.fund)}）`, l.amount);
  }
  if (b.priorYear) {
    const p = b.priorYear;
    put("priorYear", "prior/basic", "上年预算数：基本支出", p.basic);
    put("priorYear", "prior/project", "上年预算数：项目支出", p.project);
    put("priorYear", "prior/operatingFunds", "上年预算数：机关运行经费", p.operatingFunds);
    for (const k of THREE_PUBLIC) put("priorYear", `prior/threePublic/${k}`, `上年预算数：${threePublic(k)}`, p.threePublic[k]);
    for (const [code, v] of Object.entries(p.expenditureByFunction ?? {})) put("priorYear", `prior/function/${code}`, `上年预算数：${fn(code)}`, v);
  }
  return out;
}
