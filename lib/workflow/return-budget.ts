import type { SessionUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { applyTransition, WORKFLOW_TX_OPTIONS, type TransitionHooks } from "./apply-transition";
import { stageForReviewer } from "./stage-context";
import { AppError } from "@/lib/errors";
import { failure, type WorkflowResult } from "@/lib/result";

/**
 * 退回: the reviewer sends a submitted budget back for changes, always with a reason. In a region
 * with review stages, the reviewers of the budget's current stage return it; it goes back to the
 * department, and its next 报送 starts again at the first stage.
 */
export async function returnBudget(
  db: Db,
  actor: SessionUser,
  input: { budgetId: number; expectedVersion: number; comment?: string },
): Promise<WorkflowResult> {
  try {
    return await db.$transaction(async (tx) => {
      const hooks: TransitionHooks = {
        data: { reviewStageId: null, stageEnteredAt: null },
        async before(budget, scope) {
          // Checked after the scope, so that an unknown budget still reads as not found.
          if (!input.comment?.trim()) throw new AppError("comment_required", "退回时必须填写退回意见");
          const ctx = await stageForReviewer(tx, actor, budget.id, scope);
          if (ctx.stage) hooks.stage = ctx.stage.name;
        },
      };
      const result = await applyTransition(tx, actor, "return", input, hooks);
      return { ok: true as const, ...result };
    }, WORKFLOW_TX_OPTIONS);
  } catch (error) {
    return failure(error);
  }
}
