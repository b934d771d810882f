"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/action";
import { startFinal } from "@/lib/workflow/start-final";
import { SIGN_IN_AS_ACCOUNTANT } from "../budget/refusal";
import { startFinalInput } from "./final.schema";

/** 编制决算: starts the 决算 of a budget's year from that budget. */
export const startFinalAction = defineAction({
  tier: { permission: "budget.edit" },
  refused: SIGN_IN_AS_ACCOUNTANT,
  input: startFinalInput,
  async run(input, { user, db }) {
    const result = await startFinal(db, user, input);
    if (result.ok) revalidatePath("/workspace");
    return result;
  },
});
