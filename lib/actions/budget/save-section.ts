"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/action";
import { saveSection } from "@/lib/workflow/save-section";
import type { SectionId, SectionValues } from "@/lib/workspace/sections";
import { saveSectionInput } from "./budget.schema";
import { SIGN_IN_AS_ACCOUNTANT } from "./refusal";

/** Saves one section; scope, status, version and values are checked by the use case. */
export const saveSectionAction = defineAction({
  tier: { permission: "budget.edit" },
  refused: SIGN_IN_AS_ACCOUNTANT,
  input: saveSectionInput,
  async run({ budgetId, expectedVersion, section, values, base }, { user, db }) {
    const result = await saveSection(db, user, {
      budgetId,
      expectedVersion,
      section,
      // The values' shape is the section's form; saveSection checks them in full (checkSection).
      values: values as SectionValues<SectionId>,
      base: base as SectionValues<SectionId> | undefined,
    });
    if (result.ok) revalidatePath(`/workspace/budgets/${budgetId}`, "layout");
    return result;
  },
});
