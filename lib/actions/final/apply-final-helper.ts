"use server";
import { revalidatePath } from "next/cache";
import { finalHelperInput } from "@/lib/final/workspace/sections";
import { defineAction } from "@/lib/server/action";
import { applyFinalHelper } from "@/lib/workflow/save-final";
import { SIGN_IN_AS_ACCOUNTANT } from "../budget/refusal";

export const applyFinalHelperAction = defineAction({
  tier: { permission: "budget.edit" },
  refused: SIGN_IN_AS_ACCOUNTANT,
  input: finalHelperInput,
  async run(input, { user, db }) {
    const result = await applyFinalHelper(db, user, input);
    if (result.ok) revalidatePath(`/workspace/finals/${input.budgetId}`);
    return result;
  },
});
