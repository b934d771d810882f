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
 * What a budget spends that 控制数 count, in 元 as entered: 基本支出 and 项目支出 per fund, and each
 * 项目 per fund and code (the same amounts T8's 基本/项目 columns are printed from). Small enough
 * for the dashboard's row cache to keep beside a budget's figures, so a dashboard never reads a
 * budget's lines for its 控制数; strings, as it is stored (JSON).
 */
export interface CeilingBasis {
  basic: Partial<Record<Fund, string>>;
  project: Partial<Record<Fund, string>>;
  /** Keyed `${fund}:${code}`. */
  projects: Record<string, string>;
}

export function ceilingBasis(budget: Pick<Budget, "basicExpenditure" | "projects">): CeilingBasis {
  const basic = new Map<Fund, Decimal>();
  const project = new Map<Fund, Decimal>();
  const projects = new Map<string, Decimal>();
  const add = <K>(m: Map<K, Decimal>, k: K, d: Decimal) => m.set(k, (m.get(k) ?? ZERO).plus(d));
  for (const line of budget.basicExpenditure) add(basic, line.fund, line.amount);
  for (const p of budget.projects) {
    add(project, p.fund, p.amount);
    add(projects, `${p.fund}:${p.code}`, p.amount);
  }
  const text = <K extends string>(m: Map<K, Decimal>) => Object.fromEntries([...m].map(([k, d]) => [k, d.toFixed(2)])) as Record<K, string>;
  return { basic: text(basic), project: text(project), projects: text(projects) };
}

/** How much of each 控制数 a basis uses; a per-项目 ceiling counts that one project's amount. */
export function ceilingUseOfBasis(basis: CeilingBasis, ceilings: readonly Ceiling[]): CeilingUse[] {
  return ceilings.map((ceiling) => {
    const text =
      ceiling.kind === "basic"
        ? basis.basic[ceiling.fund]
        : ceiling.projectCode
          ? basis.projects[`${ceiling.fund}:${ceiling.projectCode}`]
          : basis.project[ceiling.fund];
    const used = new Decimal(text ?? 0);
    const left = ceiling.amount.minus(used);
    return { ceiling, used, left, exceeded: left.isNegative(), label: ceilingLabel(ceiling) };
  });
}

/** How much of each 控制数 a budget uses (its basis, computed once here). */
export function ceilingUse(budget: Pick<Budget, "basicExpenditure" | "projects">, ceilings: readonly Ceiling[]): CeilingUse[] {
  return ceilingUseOfBasis(ceilingBasis(budget), ceilings);
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
