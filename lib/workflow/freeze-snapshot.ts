import { budgetToPackage } from "@/lib/budget/model";
import { buildNarrative } from "@/lib/budget/narrative";
import { buildTables } from "@/lib/budget/tables";
import type { Prisma } from "@/generated/prisma/client";
import { loadForEngine } from "@/lib/db/budgets/load-for-engine";
import { announce } from "@/lib/db/cache-events";

/**
 * Freezes what the public will read — the package, the tables and the narrative exactly as they
 * are now — as the budget's next published snapshot, marking the previous one superseded
 * (预算调整). Runs inside the publishing transaction; the database refuses later edits.
 */
export async function freezeSnapshot(tx: Prisma.TransactionClient, budgetId: number, actorId: number | null) {
  const input = await loadForEngine(tx, budgetId, {});
  if (!input) throw new Error(`预算 ${budgetId} 不存在`);
  const options = input.prior ? { prior: input.prior } : {};
  const tables = buildTables(input.budget, input.catalog, options);
  const narrative = buildNarrative(input.budget, input.catalog, options).markdown;
  const previous = await tx.publishedSnapshot.findFirst({ where: { budgetId, supersededAt: null }, orderBy: { sequence: "desc" } });
  const now = new Date();
  if (previous) await tx.publishedSnapshot.update({ where: { id: previous.id }, data: { supersededAt: now } });
  const created = await tx.publishedSnapshot.create({
    data: {
      budgetId,
      sequence: (previous?.sequence ?? 0) + 1,
      publishedAt: now,
      publishedById: actorId,
      package: budgetToPackage(input.budget) as unknown as Prisma.InputJsonValue,
      tables: tables as unknown as Prisma.InputJsonValue,
      narrative,
    },
  });
  // The other app servers hear of it when the publication commits (lib/db/cache-events.ts).
  await announce(
    tx,
    previous ? { kind: "adjustment", snapshotId: created.id, supersededId: previous.id } : { kind: "publish", snapshotId: created.id },
  );
  return created;
}
