"use server";
import { revalidatePath } from "next/cache";
import { NOT_FOUND_MESSAGE } from "@/lib/errors";
import { defineFormAction } from "@/lib/server/action";
import { addComment } from "@/lib/workflow/add-comment";
import { commentSchema } from "./review.schema";

export const commentAction = defineFormAction({
  tier: { permission: "budget.comment" },
  refused: NOT_FOUND_MESSAGE,
  input: commentSchema,
  async run({ budgetId, section, anchor, body }, { user, db }) {
    const result = await addComment(db, user, { budgetId, section, body, ...(anchor ? { anchor } : {}) });
    revalidatePath(`/review/budgets/${budgetId}`);
    return result.ok ? { ...result, message: "意见已保存" } : result;
  },
});
