"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/action";
import { submitBudget } from "@/lib/workflow/submit-budget";
import { submitInput } from "./budget.schema";
import { SIGN_IN_AS_ACCOUNTANT } from "./refusal";

/** 报送: refused (with the findings) while the engine reports any error. */
export const submitBudgetAction = defineAction({
  tier: { permission: "budget.submit" },
  refused: SIGN_IN_AS_ACCOUNTANT,
  input: submitInput,
  async run({ budgetId, expectedVersion, comment }, { user, db }) {
    const result = await submitBudget(db, user, { budgetId, expectedVersion, ...(comment ? { comment } : {}) });
    revalidatePath(`/workspace/budgets/${budgetId}`, "layout");
    return result;
  },
});
