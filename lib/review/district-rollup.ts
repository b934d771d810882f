import Decimal from "decimal.js";
import { formatWan } from "@/lib/budget/money";
import type { DepartmentRow } from "./department-row";

type AmountKey = "total" | "totalChange" | "basic" | "project" | "threePublic" | "threePublicChange";
export const ROLLUP_AMOUNTS: readonly AmountKey[] = ["total", "totalChange", "basic", "project", "threePublic", "threePublicChange"];

/** 区级汇总: the district's figures, each the exact sum of the departments' printed figures. */
export interface DistrictTotals {
  /** Departments that have submitted (and so carry figures). */
  departments: number;
  /** Departments counted in each change total (those whose last year is known). */
  withChange: { totalChange: number; threePublicChange: number };
  amounts: Record<AmountKey, string>;
  errors: number;
  warnings: number;
  overdue: number;
}

/**
 * Sums the rows' printed 万元 figures with decimal arithmetic, so the district total equals the
 * sum of the departments to the fen (0.01 万元) — no rounding happens after the departments'.
 */
export function districtTotals(rows: readonly DepartmentRow[]): DistrictTotals {
  const sums = Object.fromEntries(ROLLUP_AMOUNTS.map((k) => [k, new Decimal(0)])) as Record<AmountKey, Decimal>;
  const withChange = { totalChange: 0, threePublicChange: 0 };
  let departments = 0;
  let errors = 0;
  let warnings = 0;
  let overdue = 0;
  for (const row of rows) {
    if (row.budgetId === null) continue;
    departments++;
    for (const key of ROLLUP_AMOUNTS) {
      const value = row[key];
      if (value === null) continue;
      sums[key] = sums[key].plus(new Decimal(value));
      if (key === "totalChange" || key === "threePublicChange") withChange[key]++;
    }
    errors += row.errors ?? 0;
    warnings += row.warnings ?? 0;
    if (row.deadline?.overdue) overdue++;
  }
  const amounts = Object.fromEntries(ROLLUP_AMOUNTS.map((k) => [k, formatWan(sums[k])])) as Record<AmountKey, string>;
  return { departments, withChange, amounts, errors, warnings, overdue };
}
