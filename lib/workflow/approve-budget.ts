import type { SessionUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { applyTransition, WORKFLOW_TX_OPTIONS } from "./apply-transition";
import { failure, type WorkflowResult } from "@/lib/result";

/**
 * 审核通过. When two reviewers approve at once, the conditional update lets exactly one through;
 * the other gets a conflict telling them the budget was already handled.
 */
export async function approveBudget(
  db: Db,
  actor: SessionUser,
  input: { budgetId: number; expectedVersion: number; comment?: string },
): Promise<WorkflowResult> {
  try {
    return await db.$transaction(async (tx) => {
      const result = await applyTransition(tx, actor, "approve", input, { data: { approvedAt: new Date() } });
      return { ok: true as const, ...result };
    }, WORKFLOW_TX_OPTIONS);
  } catch (error) {
    return failure(error);
  }
}
