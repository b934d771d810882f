import Decimal from "decimal.js";
import { formatWan } from "@/lib/budget/money";

export interface ClassAcrossDepartments {
  code: string;
  name: string;
  total: string;
  departments: { department: string; total: string }[];
}

/**
 * District spending by function 类 across departments: exact sums per 类 code, biggest first
 * (ties by code), each with the departments that spend in it.
 */
export function spendingByClass(budgets: { department: string; byClass: { code: string; name: string; total: string }[] }[]): ClassAcrossDepartments[] {
  const byCode = new Map<string, { name: string; total: Decimal; departments: { department: string; total: string }[] }>();
  for (const b of budgets) {
    for (const c of b.byClass) {
      const entry = byCode.get(c.code) ?? { name: c.name, total: new Decimal(0), departments: [] };
      entry.total = entry.total.plus(c.total);
      entry.departments.push({ department: b.department, total: c.total });
      byCode.set(c.code, entry);
    }
  }
  return [...byCode.entries()]
    .map(([code, e]) => ({ code, name: e.name, total: formatWan(e.total), departments: e.departments }))
    .sort((a, b) => new Decimal(b.total).comparedTo(a.total) || a.code.localeCompare(b.code));
}
