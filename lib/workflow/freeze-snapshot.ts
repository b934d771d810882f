import { discloseBudget } from "@/lib/budget/disclose";
import { budgetToPackage } from "@/lib/budget/package/from-budget";
import { priorToJson } from "@/lib/budget/trace/frozen-prior";
import type { Prisma } from "@/generated/prisma/client";
import { loadForEngine } from "@/lib/db/budgets/load-for-engine";
import { loadFinalForEngine } from "@/lib/db/finals/read-final";
import { evaluateFinal } from "@/lib/final/evaluate";
import { announce } from "@/lib/db/cache-events";

type Frozen = {
  kind: "budget" | "final";
  package: Prisma.InputJsonValue;
  tables: Prisma.InputJsonValue;
  narrative: string;
  prior?: Prisma.InputJsonValue;
  summary?: Prisma.InputJsonValue;
};

/** The package, tables and narrative of a budget or a 决算 as they are now. */
async function frozenContent(tx: Prisma.TransactionClient, budgetId: number): Promise<Frozen> {
  const row = await tx.budget.findUnique({ where: { id: budgetId }, select: { kind: true } });
  if (!row) throw new Error(`预算 ${budgetId} 不存在`);
  if (row.kind === "final") {
    const input = await loadFinalForEngine(tx, budgetId, {});
    if (!input) throw new Error(`决算 ${budgetId} 没有内容`);
    const evaluation = evaluateFinal(input.final, input.catalog);
    return {
      kind: "final",
      package: input.pkg as unknown as Prisma.InputJsonValue,
      tables: evaluation.tables as unknown as Prisma.InputJsonValue,
      narrative: evaluation.narrative.markdown,
    };
  }
  const input = await loadForEngine(tx, budgetId, {});
  if (!input) throw new Error(`预算 ${budgetId} 不存在`);
  // Exactly what the preview showed: one computation, one prior year, frozen as is.
  const disclosure = discloseBudget(input);
  return {
    kind: "budget",
    package: budgetToPackage(input.budget) as unknown as Prisma.InputJsonValue,
    tables: disclosure.tables as unknown as Prisma.InputJsonValue,
    narrative: disclosure.narrative.markdown,
    summary: disclosure.summary as unknown as Prisma.InputJsonValue,
    // The prior year the disclosure was computed with (not the package's own 上年 entry, which
    // the public never reads): a figure's trace is recomputed exactly as printed.
    ...(input.prior ? { prior: priorToJson(input.prior) as unknown as Prisma.InputJsonValue } : {}),
  };
}

/**
 * Freezes what the public will read — the package, the tables, the narrative and their summary
 * figures exactly as they are now — as the budget's (or 决算's) next published snapshot, with its kind, marking the previous one superseded
 * (预算调整). Runs inside the publishing transaction; the database refuses later edits.
 */
export async function freezeSnapshot(tx: Prisma.TransactionClient, budgetId: number, actorId: number | null) {
  const frozen = await frozenContent(tx, budgetId);
  const previous = await tx.publishedSnapshot.findFirst({ where: { budgetId, supersededAt: null }, orderBy: { sequence: "desc" } });
  const now = new Date();
  if (previous) await tx.publishedSnapshot.update({ where: { id: previous.id }, data: { supersededAt: now } });
  const created = await tx.publishedSnapshot.create({
    data: {
      budgetId,
      sequence: (previous?.sequence ?? 0) + 1,
      publishedAt: now,
      publishedById: actorId,
      ...frozen,
    },
  });
  // The other app servers hear of it when the publication commits (lib/db/cache-events.ts).
  await announce(tx, previous ? { kind: "adjustment", snapshotId: created.id, supersededId: previous.id } : { kind: "publish", snapshotId: created.id });
  return created;
}
