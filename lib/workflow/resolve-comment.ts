import { hasPermission, type SessionUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { budgetScope } from "@/lib/db/scope";
import { COMMENT_MAX_LENGTH } from "./comment-anchors";
import { AppError } from "@/lib/errors";
import { failure, type CommentResult } from "@/lib/result";

/**
 * The department's accountant marks a review comment answered, optionally saying how. Only
 * once: the conditional update on `resolvedAt: null` lets one answer through.
 */
export async function resolveComment(db: Db, actor: SessionUser, input: { commentId: number; answer?: string }): Promise<CommentResult> {
  try {
    if (!hasPermission(actor, "budget.edit")) throw new AppError("forbidden", "只有本部门会计可以答复审核意见");
    const answer = input.answer?.trim() || null;
    if (answer && answer.length > COMMENT_MAX_LENGTH) throw new AppError("invalid_input", `答复不能超过 ${COMMENT_MAX_LENGTH} 字`);
    const inScope = { id: input.commentId, budget: budgetScope(actor, "budget.edit") };
    const updated = await db.budgetComment.updateMany({
      where: { ...inScope, resolvedAt: null },
      data: { resolvedAt: new Date(), resolvedById: actor.id, answer },
    });
    if (updated.count !== 1) {
      const exists = await db.budgetComment.findFirst({ where: inScope, select: { id: true } });
      if (!exists) throw new AppError("not_found", "审核意见不存在或您无权访问");
      throw new AppError("conflict", "该审核意见已标记为已答复");
    }
    return { ok: true, commentId: input.commentId };
  } catch (error) {
    return failure(error);
  }
}
