"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/action";
import { resolveComment } from "@/lib/workflow/resolve-comment";
import { resolveCommentInput } from "./budget.schema";
import { SIGN_IN_AS_ACCOUNTANT } from "./refusal";

/** The accountant marks a reviewer's comment answered. */
export const resolveCommentAction = defineAction({
  tier: { permission: "budget.edit" },
  refused: SIGN_IN_AS_ACCOUNTANT,
  input: resolveCommentInput,
  async run({ budgetId, commentId, answer }, { user, db }) {
    const result = await resolveComment(db, user, { commentId, ...(answer ? { answer } : {}) });
    revalidatePath(`/workspace/budgets/${budgetId}`, "layout");
    return result;
  },
});
