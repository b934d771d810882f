"use server";
import { revalidatePath } from "next/cache";
import { NOT_FOUND_MESSAGE } from "@/lib/errors";
import type { WorkflowResult } from "@/lib/result";
import { defineFormAction } from "@/lib/server/action";
import { approveBudget } from "@/lib/workflow/approve-budget";
import { publishBudget } from "@/lib/workflow/publish-budget";
import { returnBudget } from "@/lib/workflow/return-budget";
import { issueReply } from "@/lib/workflow/issue-reply";
import { returnSchema, transitionSchema } from "./review.schema";

/** A form shows a sentence on success too: the transition's result with what was done. */
function answer(result: WorkflowResult, done: string, budgetId: number) {
  revalidatePath(`/review/budgets/${budgetId}`);
  revalidatePath(`/review/finals/${budgetId}`);
  revalidatePath("/review");
  return result.ok ? { ...result, message: done } : result;
}

const args = ({ budgetId, expectedVersion, comment }: { budgetId: number; expectedVersion: number; comment?: string | undefined }) => ({
  budgetId,
  expectedVersion,
  ...(comment ? { comment } : {}),
});

export const returnAction = defineFormAction({
  tier: { permission: "budget.return" },
  refused: NOT_FOUND_MESSAGE,
  input: returnSchema,
  run: async (input, { user, db }) => answer(await returnBudget(db, user, args(input)), "已退回，部门会计可以修改后重新报送", input.budgetId),
});

export const approveAction = defineFormAction({
  tier: { permission: "budget.approve" },
  refused: NOT_FOUND_MESSAGE,
  input: transitionSchema,
  async run(input, { user, db }) {
    const result = await approveBudget(db, user, args(input));
    const done = result.ok && result.next ? `已通过“${result.passed}”，转入“${result.next}”阶段` : "已审核通过，请下达批复并在批复后 20 日内公开";
    return answer(result, done, input.budgetId);
  },
});

export const publishAction = defineFormAction({
  tier: { permission: "budget.publish" },
  refused: NOT_FOUND_MESSAGE,
  input: transitionSchema,
  async run(input, { user, db }) {
    const result = answer(await publishBudget(db, user, args(input)), "已公开，公众现在可以查阅", input.budgetId);
    // The public pages are cached; a new published version must show at once. The department's
    // accountant publishes from the workspace after the 批复.
    if (result.ok) {
      revalidatePath(`/workspace/budgets/${input.budgetId}`, "layout");
      revalidatePath("/b", "layout");
      revalidatePath("/");
    }
    return result;
  },
});

export const issueReplyAction = defineFormAction({
  tier: { permission: "budget.approve" },
  refused: NOT_FOUND_MESSAGE,
  input: transitionSchema,
  run: async (input, { user, db }) =>
    answer(await issueReply(db, user, { budgetId: input.budgetId, expectedVersion: input.expectedVersion }), "批复已下达，请在 20 日内公开", input.budgetId),
});
