"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/action";
import { startAdjustment } from "@/lib/workflow/start-adjustment";
import { startAdjustmentInput } from "./budget.schema";
import { SIGN_IN_AS_ACCOUNTANT } from "./refusal";

/** 预算调整: reopen a published budget as a new draft version (its published version stays public). */
export const startAdjustmentAction = defineAction({
  tier: { permission: "budget.edit" },
  refused: SIGN_IN_AS_ACCOUNTANT,
  input: startAdjustmentInput,
  async run(input, { user, db }) {
    const result = await startAdjustment(db, user, input);
    revalidatePath(`/workspace/budgets/${input.budgetId}`, "layout");
    return result;
  },
});
