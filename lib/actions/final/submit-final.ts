"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/action";
import { submitBudget } from "@/lib/workflow/submit-budget";
import { SIGN_IN_AS_ACCOUNTANT } from "../budget/refusal";
import { submitFinalInput } from "./final.schema";

/** 报送 a 决算: the same use case as a budget's, refused on evaluateFinal's errors. */
export const submitFinalAction = defineAction({
  tier: { permission: "budget.submit" },
  refused: SIGN_IN_AS_ACCOUNTANT,
  input: submitFinalInput,
  async run({ budgetId, expectedVersion, comment }, { user, db }) {
    const result = await submitBudget(db, user, { budgetId, expectedVersion, ...(comment ? { comment } : {}) });
    revalidatePath(`/workspace/finals/${budgetId}`);
    return result;
  },
});
