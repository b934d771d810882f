import type { Budget, PriorYear } from "@/lib/budget/model";
import { packageToBudget } from "@/lib/budget/package/to-budget";
import { parsePackageValue } from "@/lib/budget/package/schema";
import { priorYearFromBudget } from "@/lib/budget/compute/prior-year";
import type { Prisma } from "@/generated/prisma/client";
import { loadCrosswalk } from "../catalog-store";
import { budgetContentInclude, budgetFromRows } from "./read-budget";

type Tx = Prisma.TransactionClient;
type Key = { departmentId: number; year: number; kind: Budget["kind"] };

const keyOf = (k: Key) => `${k.departmentId}/${k.year}/${k.kind}`;

/**
 * 上年预算数 from the database for several budgets in one query: each department's
 * previous-year budget once approved (审核通过 or 已公开), its function codes mapped through
 * the catalogue crosswalk; while that budget is reopened for 预算调整, its last published
 * version stands. A budget without one is absent from the map; the engine then uses the
 * budget's own `priorYear`.
 */
export async function loadPriorYears(tx: Tx, budgets: Key[]): Promise<Map<string, PriorYear>> {
  const out = new Map<string, PriorYear>();
  if (budgets.length === 0) return out;
  const rows = await tx.budget.findMany({
    where: { OR: budgets.map((b) => ({ departmentId: b.departmentId, year: b.year - 1, kind: b.kind })) },
    include: { ...budgetContentInclude, snapshots: { where: { supersededAt: null }, take: 1 } },
  });
  const crosswalks = new Map<number, Awaited<ReturnType<typeof loadCrosswalk>>>();
  for (const last of rows) {
    let lastBudget: Budget | undefined;
    if (last.status === "APPROVED" || last.status === "PUBLISHED") lastBudget = budgetFromRows(last);
    else if (last.snapshots[0]) {
      const parsed = parsePackageValue(last.snapshots[0].package);
      if (parsed.ok) lastBudget = packageToBudget(parsed.pkg);
    }
    if (!lastBudget) continue;
    if (!crosswalks.has(last.year)) crosswalks.set(last.year, await loadCrosswalk(tx, last.year, last.year + 1));
    out.set(keyOf({ departmentId: last.departmentId, year: last.year + 1, kind: last.kind }), priorYearFromBudget(lastBudget, crosswalks.get(last.year)));
  }
  return out;
}

export async function loadPriorYear(tx: Tx, departmentId: number, budget: Pick<Budget, "year" | "kind">): Promise<PriorYear | undefined> {
  const key = { departmentId, year: budget.year, kind: budget.kind };
  return (await loadPriorYears(tx, [key])).get(keyOf(key));
}

export { keyOf as priorYearKey };
