"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/action";
import { startNextYear } from "@/lib/workflow/start-next-year";
import { startNextYearInput } from "./budget.schema";
import { SIGN_IN_AS_ACCOUNTANT } from "./refusal";

export const startNextYearAction = defineAction({
  tier: { permission: "budget.edit" },
  refused: SIGN_IN_AS_ACCOUNTANT,
  input: startNextYearInput,
  async run(fromBudgetId, { user, db }) {
    const result = await startNextYear(db, user, { fromBudgetId });
    if (result.ok) revalidatePath("/workspace");
    return result;
  },
});
