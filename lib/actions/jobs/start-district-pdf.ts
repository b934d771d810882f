"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/action";
import { pokeJobRunner } from "@/lib/server/job-runner";
import { startDistrictPdf } from "@/lib/workflow/start-job";
import { startDistrictPdfInput } from "./jobs.schema";

/** A reviewer starts the PDFs of their district's approved and published budgets as a background job. */
export const startDistrictPdfAction = defineAction({
  tier: { permission: "budget.review" },
  refused: "请以财政局审核员身份登录",
  input: startDistrictPdfInput,
  async run(input, { user, db }) {
    const result = await startDistrictPdf(db, user, input);
    if (result.ok) {
      pokeJobRunner();
      revalidatePath("/jobs");
    }
    return result;
  },
});
