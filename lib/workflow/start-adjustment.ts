import type { SessionUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { applyTransition, WORKFLOW_TX_OPTIONS } from "./apply-transition";
import { AppError } from "@/lib/errors";
import { failure, type WorkflowResult } from "@/lib/result";

/**
 * 预算调整: the department reopens a published budget as a new draft version, with a reason.
 * Its published snapshot is untouched and stays what the public reads until the adjusted
 * version is reviewed and published, which then supersedes it (freezeSnapshot).
 */
export async function startAdjustment(
  db: Db,
  actor: SessionUser,
  input: { budgetId: number; expectedVersion: number; comment?: string },
): Promise<WorkflowResult> {
  try {
    return await db.$transaction(async (tx) => {
      const result = await applyTransition(tx, actor, "adjust", input, {
        // The new version's review starts afresh: no submission or approval date yet.
        data: { submittedAt: null, approvedAt: null, replyIssuedAt: null },
        async before() {
          if (!input.comment?.trim()) throw new AppError("comment_required", "发起预算调整时必须填写调整原因");
        },
      });
      return { ok: true as const, ...result };
    }, WORKFLOW_TX_OPTIONS);
  } catch (error) {
    return failure(error);
  }
}
