import { hasPermission, type SessionUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { budgetScope } from "@/lib/db/scope";
import { COMMENT_MAX_LENGTH, isCommentSection } from "./comment-anchors";
import { AppError, NOT_FOUND_MESSAGE } from "@/lib/errors";
import { failure, type CommentResult } from "@/lib/result";

/**
 * A comment anchored to a section, a table row or a project (see comment-anchors.ts), by anyone
 * who may comment on the budget: the reviewer while reviewing, the accountant in reply.
 */
export async function addComment(
  db: Db,
  actor: SessionUser,
  input: { budgetId: number; section: string; anchor?: string; body: string },
): Promise<CommentResult> {
  try {
    if (!hasPermission(actor, "budget.comment")) throw new AppError("forbidden", "您没有发表审核意见的权限");
    const budget = await db.budget.findFirst({
      where: { AND: [budgetScope(actor, "budget.comment"), { id: input.budgetId }] },
      select: { id: true },
    });
    if (!budget) throw new AppError("not_found", NOT_FOUND_MESSAGE);
    const body = input.body.trim();
    if (!body) throw new AppError("invalid_input", "意见内容不能为空");
    if (body.length > COMMENT_MAX_LENGTH) throw new AppError("invalid_input", `意见内容不能超过 ${COMMENT_MAX_LENGTH} 字`);
    if (!isCommentSection(input.section)) throw new AppError("invalid_input", `意见位置“${input.section}”不存在`);
    const comment = await db.budgetComment.create({
      data: { budgetId: budget.id, authorId: actor.id, section: input.section, anchor: input.anchor?.trim() || null, body },
    });
    return { ok: true, commentId: comment.id };
  } catch (error) {
    return failure(error);
  }
}
