import Decimal from "decimal.js";
import type { Budget } from "@/lib/budget/model";
import type { NarrativeFigures } from "@/lib/budget/narrative";
import type { ShownAmounts } from "@/lib/budget/compute/shown-amounts";
import { decimalOfFen } from "@/lib/budget/compute/fen";
import { REASONS, type Reason } from "./narrative-reason-required-when-changed";

/**
 * Reading the numbers an accountant types into the reasons (增减原因): clauses, amounts in 万元,
 * percentages, and what a clause is about (a project it names, or a year-on-year change).
 */

/** Clauses of a text: split at Chinese and Latin punctuation and line breaks. */
export function clauses(text: string): string[] {
  return text
    .split(/[，,。；;！!？?\n]/)
    .map((c) => c.trim())
    .filter(Boolean);
}

/** Sentences (for unit mixing): split at full stops, semicolons and line breaks only. */
export function sentences(text: string): string[] {
  return text
    .split(/[。；;！!？?\n]/)
    .map((c) => c.trim())
    .filter(Boolean);
}

export const AMOUNT_WAN = /(\d+(?:\.\d+)?)\s*万元/g;
export const PERCENT = /(增长|增加|上升|提高|减少|下降|降低)了?\s*(\d+(?:\.\d+)?)\s*[%％]/g;
const UP = /增长|增加|上升|提高|新增/;
const DOWN = /减少|下降|降低|压减|核减/;
const YEAR_ON_YEAR = /较上年|比上年|同比|与上年相比/;

/** True when `typed` (as written, e.g. "19.2") is `actual` rounded to the decimals typed. */
export function sameFigure(typed: string, actual: Decimal): boolean {
  const decimals = typed.includes(".") ? typed.split(".")[1]!.length : 0;
  return actual.abs().toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).equals(new Decimal(typed));
}

/** The figure a reason's change is of, and this year's figure (prior = current − change). */
const CURRENT_OF: Record<string, string> = {
  incomeChange: "incomeTotal",
  basicChange: "basic",
  projectChange: "project",
  abroadChange: "abroad",
  receptionChange: "reception",
  vehicleOperationChange: "vehicleOperation",
  vehiclePurchaseChange: "vehiclePurchase",
  operatingFundsChange: "operatingFunds",
};

export interface Change {
  label: string;
  change: Decimal;
  prior: Decimal;
}

export function changeOf(narrative: NarrativeFigures, figure: string, label: string): Change | undefined {
  const change = narrative[figure];
  const current = narrative[CURRENT_OF[figure] ?? ""];
  if (typeof change !== "string" || typeof current !== "string") return undefined;
  const c = new Decimal(change);
  return { label, change: c, prior: new Decimal(current).minus(c) };
}

export type Target = { kind: "project"; index: number; name: string; amount: Decimal } | { kind: "change"; change: Change; yearOnYear: boolean };

/**
 * What one clause of a reason speaks about: a project it names (its amount), else the change
 * of 基本支出 / 项目支出 when it names one of those, else the change the reason explains.
 */
export function clauseTarget(clause: string, reason: Reason, budget: Budget, shown: ShownAmounts, narrative: NarrativeFigures): Target | undefined {
  const named = budget.projects.map((p, index) => ({ p, index })).filter(({ p }) => p.name.length >= 2 && (clause.includes(p.name) || clause.includes(p.code)));
  const yearOnYear = YEAR_ON_YEAR.test(clause);
  if (named.length === 1) {
    // "…项目较上年增长 25 万元" is the project's change, which the budget does not hold.
    if (yearOnYear) return undefined;
    const { p, index } = named[0]!;
    return { kind: "project", index, name: p.name, amount: decimalOfFen(shown.projects[index]!.amount) };
  }
  if (named.length > 1) return undefined;
  const basic = /基本(支出|收入|经费)?/.test(clause);
  const project = /项目(支出|预算|收入|经费)?/.test(clause);
  if (basic && !project) {
    const c = changeOf(narrative, "basicChange", "基本支出");
    return c ? { kind: "change", change: c, yearOnYear } : undefined;
  }
  if (project && !basic) {
    const c = changeOf(narrative, "projectChange", "项目支出");
    return c ? { kind: "change", change: c, yearOnYear } : undefined;
  }
  if (basic && project) return undefined;
  const c = changeOf(narrative, reason.figure, reason.label);
  return c ? { kind: "change", change: c, yearOnYear } : undefined;
}

export function direction(clause: string): "up" | "down" | undefined {
  if (UP.test(clause) && !DOWN.test(clause)) return "up";
  if (DOWN.test(clause) && !UP.test(clause)) return "down";
  return undefined;
}

export { REASONS };
