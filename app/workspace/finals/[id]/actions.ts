"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { permittedUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { applyFinalHelper, saveFinalSection, type SaveFinalResult } from "@/lib/db/finals/save-final";
import { startFinal, type StartFinalResult } from "@/lib/db/finals/start-final";
import { finalHelperInput, finalSaveInput } from "@/lib/final/workspace/sections";
import { submitBudget } from "@/lib/workflow/submit-budget";
import type { WorkflowResult } from "@/lib/workflow/result";

// Server actions are reachable with any payload: every input is parsed here, and every
// permission and scope is checked again by the use case on the server.
const INVALID = { ok: false as const, kind: "refused" as const, message: "请求无效" };

export async function saveFinalSectionAction(input: unknown): Promise<SaveFinalResult> {
  const user = await permittedUser("budget.edit");
  if (!user) return { ok: false, kind: "refused", message: "请先以部门会计身份登录" };
  const parsed = finalSaveInput.safeParse(input);
  if (!parsed.success) return INVALID;
  const result = await saveFinalSection(db(), user, parsed.data);
  if (result.ok) revalidatePath(`/workspace/finals/${parsed.data.budgetId}`);
  return result;
}

export async function applyFinalHelperAction(input: unknown): Promise<SaveFinalResult> {
  const user = await permittedUser("budget.edit");
  if (!user) return { ok: false, kind: "refused", message: "请先以部门会计身份登录" };
  const parsed = finalHelperInput.safeParse(input);
  if (!parsed.success) return INVALID;
  const result = await applyFinalHelper(db(), user, parsed.data);
  if (result.ok) revalidatePath(`/workspace/finals/${parsed.data.budgetId}`);
  return result;
}

const submitInput = z.strictObject({ budgetId: z.number().int().positive(), expectedVersion: z.number().int().positive(), comment: z.string().max(2000).optional() });

/** 报送 a 决算: the same use case as a budget's, refused on evaluateFinal's errors. */
export async function submitFinalAction(input: unknown): Promise<WorkflowResult> {
  const user = await permittedUser("budget.submit");
  if (!user) return { ok: false, code: "forbidden", message: "请先以部门会计身份登录" };
  const parsed = submitInput.safeParse(input);
  if (!parsed.success) return { ok: false, code: "invalid_input", message: "请求无效" };
  const result = await submitBudget(db(), user, parsed.data);
  revalidatePath(`/workspace/finals/${parsed.data.budgetId}`);
  return result;
}

const startInput = z.strictObject({ fromBudgetId: z.number().int().positive() });

/** 编制决算: starts the 决算 of a budget's year from that budget. */
export async function startFinalAction(input: unknown): Promise<StartFinalResult> {
  const user = await permittedUser("budget.edit");
  if (!user) return { ok: false, message: "请先以部门会计身份登录" };
  const parsed = startInput.safeParse(input);
  if (!parsed.success) return { ok: false, message: "请求无效" };
  const result = await startFinal(db(), user, parsed.data);
  if (result.ok) revalidatePath("/workspace");
  return result;
}
