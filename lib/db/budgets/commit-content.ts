import type { Budget } from "@/lib/budget/model";
import { amountChanges } from "@/lib/budget/amount-changes";
import type { BudgetStatus, Prisma } from "@/generated/prisma/client";
import { ALL_PARTS, BUDGET_PARTS, type BudgetPart, type PackageKey } from "@/lib/budget/parts";
import { budgetColumns, writeBudgetContent } from "./write-budget";

export const EDITABLE_STATUSES = ["DRAFT", "RETURNED"] as const satisfies readonly BudgetStatus[];

/**
 * Replaces a budget's content inside the caller's transaction, if and only if nobody changed it
 * since `expectedVersion` and it is still editable: the version check and bump are one
 * conditional UPDATE, so of two concurrent saves exactly one matches. Returns the new version,
 * or null when the other save won (the caller reports a conflict and nothing is written).
 */
export async function commitContent(
  tx: Prisma.TransactionClient,
  row: { id: number; departmentId: number; status: BudgetStatus },
  expectedVersion: number,
  before: Budget,
  budget: Budget,
  event: { actorId: number | null; action: string; comment: string },
  parts: readonly BudgetPart[] = ALL_PARTS,
): Promise<number | null> {
  const bumped = await tx.budget.updateMany({
    where: { id: row.id, version: expectedVersion, status: { in: [...EDITABLE_STATUSES] } },
    data: { ...budgetColumns(budget), version: { increment: 1 } },
  });
  if (bumped.count !== 1) return null;
  await writeBudgetContent(tx, row.id, row.departmentId, budget, parts);
  const version = expectedVersion + 1;
  const keys = BUDGET_PARTS.filter((p) => parts.includes(p.part)).map((p) => p.key);
  await recordEvent(tx, { budgetId: row.id, status: row.status, version, ...event }, before, budget, keys);
  return version;
}

/** The event of a content change, with every amount it changed (old and new value) in `parts` (all by default). */
export async function recordEvent(
  tx: Prisma.TransactionClient,
  event: { budgetId: number; status: BudgetStatus; version: number; actorId: number | null; action: string; comment: string },
  before: Budget | null,
  after: Budget,
  parts?: readonly PackageKey[],
) {
  const changes = amountChanges(before, after, parts);
  const { id } = await tx.budgetEvent.create({
    data: {
      budgetId: event.budgetId,
      actorId: event.actorId,
      action: event.action,
      fromStatus: before ? event.status : null,
      toStatus: event.status,
      version: event.version,
      comment: event.comment,
    },
    select: { id: true },
  });
  if (changes.length === 0) return;
  // One statement with a parameter per column (arrays): a save of 200 lines may change 200 amounts.
  await tx.$executeRaw`
    insert into "AmountChange" ("eventId", key, label, "oldValue", "newValue")
    select ${id}::int, k, l, o, n
      from unnest(${changes.map((c) => c.key)}::text[], ${changes.map((c) => c.label)}::text[],
                  ${changes.map((c) => c.oldValue)}::numeric[], ${changes.map((c) => c.newValue)}::numeric[]) with ordinality as x(k, l, o, n, p)
     order by p`;
}
