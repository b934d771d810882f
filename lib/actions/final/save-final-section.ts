"use server";
import { revalidatePath } from "next/cache";
import { finalSaveInput } from "@/lib/final/workspace/sections";
import { defineAction } from "@/lib/server/action";
import { saveFinalSection } from "@/lib/workflow/save-final";
import { SIGN_IN_AS_ACCOUNTANT } from "../budget/refusal";

export const saveFinalSectionAction = defineAction({
  tier: { permission: "budget.edit" },
  refused: SIGN_IN_AS_ACCOUNTANT,
  input: finalSaveInput,
  async run(input, { user, db }) {
    const result = await saveFinalSection(db, user, input);
    if (result.ok) revalidatePath(`/workspace/finals/${input.budgetId}`);
    return result;
  },
});
