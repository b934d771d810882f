"use server";
import { revalidatePath } from "next/cache";
import { NOT_FOUND_MESSAGE } from "@/lib/errors";
import { defineAction } from "@/lib/server/action";
import { reviewUnitBudget } from "@/lib/workflow/review-unit-budget";
import { reviewUnitInput } from "./budget.schema";

/** 部门审核 of a unit's budget: accept (审核通过) or return it to the unit with a reason. */
export const reviewUnitBudgetAction = defineAction({
  tier: { permission: "unit.review" },
  refused: NOT_FOUND_MESSAGE,
  input: reviewUnitInput,
  async run({ budgetId, expectedVersion, decision, comment }, { user, db }) {
    const result = await reviewUnitBudget(db, user, decision, { budgetId, expectedVersion, ...(comment ? { comment } : {}) });
    revalidatePath("/workspace", "layout");
    return result;
  },
});
