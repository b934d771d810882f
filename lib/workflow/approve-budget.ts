import type { SessionUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { applyTransition, WORKFLOW_TX_OPTIONS, type TransitionHooks } from "./apply-transition";
import { stageForReviewer } from "./stage-context";
import { failure, type WorkflowResult } from "@/lib/result";

/**
 * 审核通过. In a region with review stages this passes the budget's current stage (its reviewers
 * only): it moves on to the next stage, still 已报送, and passing the last stage approves it.
 * When two reviewers approve at once, the conditional update lets exactly one through; the other
 * gets a conflict telling them the budget was already handled.
 */
export async function approveBudget(
  db: Db,
  actor: SessionUser,
  input: { budgetId: number; expectedVersion: number; comment?: string },
): Promise<WorkflowResult & { passed?: string; next?: string }> {
  try {
    return await db.$transaction(async (tx) => {
      const now = new Date();
      let passed: string | undefined;
      let next: string | undefined;
      // `before` settles what the update writes: the next stage, or the approval.
      const hooks: TransitionHooks = {
        async before(budget, scope) {
          const ctx = await stageForReviewer(tx, actor, budget.id, scope);
          passed = ctx.stage?.name;
          if (ctx.stage) hooks.stage = ctx.stage.name;
          if (ctx.next) {
            next = ctx.next.name;
            hooks.stay = true;
            hooks.data = { reviewStageId: ctx.next.id, stageEnteredAt: now };
          } else {
            hooks.data = { approvedAt: now, reviewStageId: null, stageEnteredAt: null };
          }
        },
      };
      const result = await applyTransition(tx, actor, "approve", input, hooks);
      return { ok: true as const, ...result, ...(passed ? { passed } : {}), ...(next ? { next } : {}) };
    }, WORKFLOW_TX_OPTIONS);
  } catch (error) {
    return failure(error);
  }
}
