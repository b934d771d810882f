import type { Prisma } from "@/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { budgetScope } from "@/lib/db/scope";
import { storePublishedPdf } from "@/lib/public/snapshot-pdf";
import { applyTransition, WORKFLOW_TX_OPTIONS } from "./apply-transition";
import { engineErrors, KIND_LABELS } from "./engine-check";
import { AppError } from "@/lib/errors";
import { freezeSnapshot } from "./freeze-snapshot";
import { illegalTransitionMessage } from "./transitions";
import { failure, type WorkflowResult } from "@/lib/result";

/** Why the department may not publish a budget it can read, as the accountant is told it. */
export const PUBLISH_REFUSALS = {
  replyPending: "财政局尚未下达批复：批复下达后，部门才能公开本部门预算",
  unitBudget: "单位预算不单独公开：部门预算公开时，各单位的公开表随部门预算一并公开",
  final: "决算由财政局审核通过后公开",
} as const;

/**
 * 公开: an approved budget is published — by the bureau's reviewer, or by the department's own
 * accountant once the bureau has issued its 批复 (the bureau issues the 批复, the department
 * publishes; budgetScope's "budget.publish" holds that condition inside the query). The snapshot
 * the public reads (package, tables, narrative, and each unit's tables of a consolidated
 * department budget) is frozen in the same transaction, superseding the previous one after a
 * 预算调整. Refused while the engine reports an error (a placeholder left in a text, say): what
 * the public reads must pass the same checks as 报送, whichever way the budget reached 审核通过.
 * Once that has committed, the snapshot's PDF is rendered and stored, so that no download
 * renders it again (it is made from the frozen snapshot alone, and is slow next to a query).
 */
export async function publishBudget(
  db: Db,
  actor: SessionUser,
  input: { budgetId: number; expectedVersion: number; comment?: string },
): Promise<WorkflowResult> {
  let snapshotId: number | undefined;
  let result: WorkflowResult;
  try {
    result = await db.$transaction(async (tx) => {
      const result = await applyTransition(tx, actor, "publish", input, {
        data: { publishedAt: new Date() },
        async before(budget, scope) {
          const { kind, errors } = await engineErrors(tx, budget.id, scope);
          if (errors.length > 0) throw new AppError("findings", `${KIND_LABELS[kind]}有 ${errors.length} 项错误，修正后才能公开`, errors);
        },
        after: async (budget) => {
          snapshotId = (await freezeSnapshot(tx, budget.id, actor.id)).id;
        },
      }).catch(async (error: unknown) => {
        if (error instanceof AppError && error.code === "not_found") throw (await whyNotPublishable(tx, actor, input.budgetId)) ?? error;
        throw error;
      });
      return { ok: true as const, ...result };
    }, WORKFLOW_TX_OPTIONS);
  } catch (error) {
    return failure(error);
  }
  if (snapshotId !== undefined) await storePublishedPdf(db, snapshotId);
  return result;
}

/**
 * A budget outside the actor's publish scope that the actor may read (a department accountant's
 * own budget before its 批复, a unit's budget): the refusal says why instead of "not found",
 * which would hide nothing from someone who reads it anyway. Anything else stays not found.
 */
async function whyNotPublishable(tx: Prisma.TransactionClient, actor: SessionUser, budgetId: number): Promise<AppError | null> {
  const row = await tx.budget.findFirst({
    where: { AND: [budgetScope(actor, "budget.read"), { id: budgetId }] },
    select: { kind: true, status: true, subUnitId: true, replyIssuedAt: true },
  });
  if (!row) return null;
  if (row.kind === "final") return new AppError("illegal_transition", PUBLISH_REFUSALS.final);
  if (row.subUnitId !== null) return new AppError("illegal_transition", PUBLISH_REFUSALS.unitBudget);
  if (row.status !== "APPROVED") return new AppError("illegal_transition", illegalTransitionMessage("publish", row.status));
  if (row.replyIssuedAt === null) return new AppError("illegal_transition", PUBLISH_REFUSALS.replyPending);
  return null;
}
