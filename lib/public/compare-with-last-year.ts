import Decimal from "decimal.js";
import { formatWan } from "@/lib/budget/money";
import type { DisclosureTables, ThreePublicColumns } from "@/lib/budget/tables/types";

export interface ComparisonRow {
  label: string;
  code?: string;
  prior: string;
  current: string;
  /** current − prior, signed. */
  change: string;
  /** Percentage change with one decimal ("-13.0"), undefined when last year was zero. */
  percent?: string;
}

export function comparisonRow(label: string, prior: string, current: string, code?: string): ComparisonRow {
  const p = new Decimal(prior);
  const c = new Decimal(current);
  const change = c.minus(p);
  return {
    label,
    ...(code ? { code } : {}),
    prior: formatWan(p),
    current: formatWan(c),
    change: formatWan(change),
    ...(p.isZero() ? {} : { percent: change.dividedBy(p).times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toFixed(1) }),
  };
}

export const THREE_PUBLIC_ROWS: { key: keyof ThreePublicColumns; label: string }[] = [
  { key: "total", label: "“三公”经费合计" },
  { key: "abroad", label: "因公出国（境）费" },
  { key: "vehiclePurchase", label: "公务用车购置费" },
  { key: "vehicleOperation", label: "公务用车运行费" },
  { key: "reception", label: "公务接待费" },
];

export interface Comparison {
  /** 一般公共预算财政拨款支出 by 功能分类 类 (T2's 上年预算数 column), 合计 first. */
  byClass: ComparisonRow[];
  threePublic: ComparisonRow[];
}

/**
 * “与上年对比” from the published tables only: T2 carries 上年预算数 by function subject (mapped
 * onto this year's codes by the crosswalk when it was built) and T4 last year's 三公. A budget
 * published without those columns has nothing to compare: null.
 */
export function compareWithLastYear(tables: DisclosureTables): Comparison | null {
  const t2 = tables.T2;
  const t4 = tables.T4;
  const byClass: ComparisonRow[] = [];
  if (t2 && t2.total.prior !== undefined) {
    byClass.push(comparisonRow("合计", t2.total.prior, t2.total.total));
    for (const r of t2.rows) if (r.level === 1) byClass.push(comparisonRow(r.name, r.prior ?? "0.00", r.total, r.code));
  }
  const threePublic = t4?.prior ? THREE_PUBLIC_ROWS.map(({ key, label }) => comparisonRow(label, t4.prior![key], t4.current[key])) : [];
  if (byClass.length === 0 && threePublic.length === 0) return null;
  return { byClass, threePublic };
}
