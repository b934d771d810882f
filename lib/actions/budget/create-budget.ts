"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/action";
import { createBudget } from "@/lib/workflow/create-budget";
import { createBudgetInput } from "./budget.schema";
import { SIGN_IN_AS_ACCOUNTANT } from "./refusal";

export const createBudgetAction = defineAction({
  tier: { permission: "budget.edit" },
  refused: SIGN_IN_AS_ACCOUNTANT,
  input: createBudgetInput,
  async run(input, { user, db }) {
    const result = await createBudget(db, user, input);
    if (result.ok) revalidatePath("/workspace");
    return result;
  },
});
