import Decimal from "decimal.js";
import type { Budget, Fund } from "./model";
import { FUND_LABELS } from "./package/labels";
import { formatWan, toWanYuan, ZERO } from "./money";

export type CeilingKind = "basic" | "project";

/** A 控制数 as the engine reads it: 元, per fund and 基本/项目, optionally one 项目 ("" = all). */
export interface Ceiling {
  fund: Fund;
  kind: CeilingKind;
  projectCode: string;
  amount: Decimal;
}

export interface CeilingUse {
  ceiling: Ceiling;
  /** 元 the budget spends against the ceiling now. */
  used: Decimal;
  /** amount − used; negative when the ceiling is exceeded. */
  left: Decimal;
  exceeded: boolean;
  label: string;
}

export const CEILING_KIND_LABELS: Record<CeilingKind, string> = { basic: "基本支出", project: "项目支出" };

export function ceilingLabel(c: Pick<Ceiling, "fund" | "kind" | "projectCode">): string {
  const base = `${FUND_LABELS[c.fund]}${CEILING_KIND_LABELS[c.kind]}`;
  return c.projectCode ? `${base}（项目 ${c.projectCode}）` : base;
}

/**
 * How much of each 控制数 a budget uses: 基本支出 lines and 项目 amounts of the ceiling's fund, in
 * 元 exactly as entered (the same amounts T8's 基本/项目 columns are printed from). A per-项目
 * ceiling counts that one project's amount.
 */
export function ceilingUse(budget: Pick<Budget, "basicExpenditure" | "projects">, ceilings: readonly Ceiling[]): CeilingUse[] {
  return ceilings.map((ceiling) => {
    let used = ZERO;
    if (ceiling.kind === "basic") {
      for (const line of budget.basicExpenditure) if (line.fund === ceiling.fund) used = used.plus(line.amount);
    } else {
      for (const p of budget.projects) {
        if (p.fund !== ceiling.fund) continue;
        if (ceiling.projectCode && p.code !== ceiling.projectCode) continue;
        used = used.plus(p.amount);
      }
    }
    const left = ceiling.amount.minus(used);
    return { ceiling, used, left, exceeded: left.isNegative(), label: ceilingLabel(ceiling) };
  });
}

const wanText = (yuan: Decimal) => `${formatWan(toWanYuan(yuan))} 万元（${yuan.toFixed(2)} 元）`;

/** The Chinese sentence 报送 is refused with, naming the ceiling, the amount used and the excess. */
export function ceilingExceededMessage(use: CeilingUse): string {
  return `${use.label}超出控制数：控制数 ${wanText(use.ceiling.amount)}，已安排 ${wanText(use.used)}，超出 ${wanText(use.left.negated())}`;
}

/** The id findings of an exceeded 控制数 carry (an error: 报送 is refused). */
export const CEILING_RULE_ID = "ceiling.exceeded";

export function ceilingFindings(uses: readonly CeilingUse[]): { rule: string; severity: "error"; message: string; path: string }[] {
  return uses
    .filter((u) => u.exceeded)
    .map((u) => ({
      rule: CEILING_RULE_ID,
      severity: "error" as const,
      message: ceilingExceededMessage(u),
      path: u.ceiling.kind === "basic" ? "basicExpenditure" : "projects",
    }));
}
