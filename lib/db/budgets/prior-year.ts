import type { Budget, PriorYear } from "@/lib/budget/model";
import { packageToBudget } from "@/lib/budget/model";
import { parsePackageValue } from "@/lib/budget/package/schema";
import { priorYearFromBudget } from "@/lib/budget/compute/prior-year";
import type { Prisma } from "@/generated/prisma/client";
import { loadCrosswalk } from "../catalog-store";
import { budgetContentInclude, budgetFromRows } from "./read-budget";

type Tx = Prisma.TransactionClient;

/**
 * 上年预算数 from the database: the same department's previous-year budget once approved
 * (审核通过 or 已公开), its function codes mapped through the catalogue crosswalk. While that
 * budget is reopened for 预算调整, its last published version stands. Undefined when there is
 * none; the engine then uses the budget's own `priorYear`.
 */
export async function loadPriorYear(tx: Tx, departmentId: number, budget: Pick<Budget, "year" | "kind">): Promise<PriorYear | undefined> {
  const last = await tx.budget.findFirst({
    where: { departmentId, year: budget.year - 1, kind: budget.kind },
    include: { ...budgetContentInclude, snapshots: { where: { supersededAt: null }, take: 1 } },
  });
  if (!last) return undefined;
  let lastBudget: Budget | undefined;
  if (last.status === "APPROVED" || last.status === "PUBLISHED") lastBudget = budgetFromRows(last);
  else if (last.snapshots[0]) {
    const parsed = parsePackageValue(last.snapshots[0].package);
    if (parsed.ok) lastBudget = packageToBudget(parsed.pkg);
  }
  if (!lastBudget) return undefined;
  const crosswalk = await loadCrosswalk(tx, budget.year - 1, budget.year);
  return priorYearFromBudget(lastBudget, crosswalk);
}
