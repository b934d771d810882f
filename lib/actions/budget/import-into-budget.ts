"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/action";
import { importIntoBudget, rejected } from "@/lib/workflow/import-into-budget";
import { PACKAGE_TOO_LARGE, packageTooLarge } from "@/lib/workspace/package-limits";
import { importInput } from "./budget.schema";
import { SIGN_IN_AS_ACCOUNTANT } from "./refusal";

/** Previews (apply = false) or applies an import of a Budget Package into this draft. */
export const importIntoBudgetAction = defineAction({
  tier: { permission: "budget.import" },
  refused: SIGN_IN_AS_ACCOUNTANT,
  input: importInput,
  async run(input, { user, db }) {
    if (packageTooLarge(input.text)) return rejected([{ path: "", message: PACKAGE_TOO_LARGE }]);
    const result = await importIntoBudget(db, user, input);
    if (result.ok && result.applied) revalidatePath(`/workspace/budgets/${input.budgetId}`, "layout");
    return result;
  },
});
