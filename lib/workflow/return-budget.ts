import type { SessionUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { applyTransition, WORKFLOW_TX_OPTIONS } from "./apply-transition";
import { AppError } from "@/lib/errors";
import { failure, type WorkflowResult } from "@/lib/result";

/** 退回: the reviewer sends a submitted budget back for changes, always with a reason. */
export async function returnBudget(
  db: Db,
  actor: SessionUser,
  input: { budgetId: number; expectedVersion: number; comment?: string },
): Promise<WorkflowResult> {
  try {
    return await db.$transaction(async (tx) => {
      const result = await applyTransition(tx, actor, "return", input, {
        async before() {
          // Checked after the scope, so that an unknown budget still reads as not found.
          if (!input.comment?.trim()) throw new AppError("comment_required", "退回时必须填写退回意见");
        },
      });
      return { ok: true as const, ...result };
    }, WORKFLOW_TX_OPTIONS);
  } catch (error) {
    return failure(error);
  }
}
