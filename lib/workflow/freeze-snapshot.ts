import { discloseBudget } from "@/lib/budget/disclose";
import { budgetToPackage } from "@/lib/budget/package/from-budget";
import { priorToJson } from "@/lib/budget/trace/frozen-prior";
import type { Prisma } from "@/generated/prisma/client";
import { loadForEngine, loadManyForEngine } from "@/lib/db/budgets/load-for-engine";
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

/** One unit's own disclosure, published with its department's consolidated budget. */
type FrozenUnit = { code: string; name: string; tables: Prisma.InputJsonValue; summary: Prisma.InputJsonValue };

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
 * The units' own disclosures (单位 tables) of a department budget that consolidates units (部门汇总),
 * in code order; none for a budget without units, for a unit's own budget and for a 决算. Each is
 * computed as the unit's workspace shows it (discloseBudget of the unit's budget and its own
 * prior year), in the transaction that freezes the department's figures: their sum, plus the
 * department's own part, less the transfers between units.
 */
async function frozenUnits(tx: Prisma.TransactionClient, budgetId: number): Promise<FrozenUnit[]> {
  const row = await tx.budget.findUnique({ where: { id: budgetId }, select: { kind: true, subUnitId: true, departmentId: true, year: true } });
  if (!row || row.kind !== "budget" || row.subUnitId !== null) return [];
  const units = await tx.budget.findMany({
    where: { departmentId: row.departmentId, year: row.year, kind: "budget", subUnitId: { not: null } },
    select: { id: true, unitName: true, unit: { select: { code: true } } },
  });
  const ids = units.map((u) => u.id);
  const inputs = new Map((await loadManyForEngine(tx, ids, {})).map((e) => [e.id, e]));
  return units
    .map((u) => {
      const input = inputs.get(u.id);
      if (!input) throw new Error(`单位预算 ${u.id} 不存在`);
      const disclosure = discloseBudget(input);
      return {
        code: u.unit!.code,
        name: u.unitName,
        tables: disclosure.tables as unknown as Prisma.InputJsonValue,
        summary: disclosure.summary as unknown as Prisma.InputJsonValue,
      };
    })
    .sort((a, b) => a.code.localeCompare(b.code, "en", { numeric: true }));
}

/**
 * Freezes what the public will read — the package, the tables, the narrative and their summary
 * figures exactly as they are now — as the budget's (or 决算's) next published snapshot, with its kind, marking the previous one superseded
 * (预算调整), and with it each unit's own tables when the budget consolidates units. This is the one
 * place that decides what is published. Runs inside the publishing transaction; the database
 * refuses later edits.
 */
export async function freezeSnapshot(tx: Prisma.TransactionClient, budgetId: number, actorId: number | null) {
  const frozen = await frozenContent(tx, budgetId);
  const units = await frozenUnits(tx, budgetId);
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
  if (units.length > 0) await tx.publishedUnit.createMany({ data: units.map((u, position) => ({ snapshotId: created.id, position, ...u })) });
  // The other app servers hear of it when the publication commits (lib/db/cache-events.ts).
  await announce(tx, previous ? { kind: "adjustment", snapshotId: created.id, supersededId: previous.id } : { kind: "publish", snapshotId: created.id });
  return created;
}
