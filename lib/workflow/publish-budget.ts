import type { SessionUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { applyTransition, WORKFLOW_TX_OPTIONS } from "./apply-transition";
import { freezeSnapshot } from "./freeze-snapshot";
import { failure, type WorkflowResult } from "./result";

/**
 * 公开: an approved budget is published. The snapshot the public reads (package, tables,
 * narrative) is frozen in the same transaction, superseding the previous one after a 预算调整.
 */
export async function publishBudget(
  db: Db,
  actor: SessionUser,
  input: { budgetId: number; expectedVersion: number; comment?: string },
): Promise<WorkflowResult> {
  try {
    return await db.$transaction(async (tx) => {
      const result = await applyTransition(tx, actor, "publish", input, {
        data: { publishedAt: new Date() },
        after: (budget) => freezeSnapshot(tx, budget.id, actor.id).then(() => undefined),
      });
      return { ok: true as const, ...result };
    }, WORKFLOW_TX_OPTIONS);
  } catch (error) {
    return failure(error);
  }
}
