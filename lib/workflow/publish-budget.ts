import type { SessionUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { storePublishedPdf } from "@/lib/public/snapshot-pdf";
import { applyTransition, WORKFLOW_TX_OPTIONS } from "./apply-transition";
import { engineErrors, KIND_LABELS } from "./engine-check";
import { AppError } from "@/lib/errors";
import { freezeSnapshot } from "./freeze-snapshot";
import { failure, type WorkflowResult } from "@/lib/result";

/**
 * 公开: an approved budget is published. The snapshot the public reads (package, tables,
 * narrative) is frozen in the same transaction, superseding the previous one after a 预算调整.
 * Refused while the engine reports an error (a placeholder left in a text, say): what the public
 * reads must pass the same checks as 报送, whichever way the budget reached 审核通过.
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
      });
      return { ok: true as const, ...result };
    }, WORKFLOW_TX_OPTIONS);
  } catch (error) {
    return failure(error);
  }
  if (snapshotId !== undefined) await storePublishedPdf(db, snapshotId);
  return result;
}
