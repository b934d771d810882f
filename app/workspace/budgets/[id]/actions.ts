"use server";
import { revalidatePath } from "next/cache";
import { permittedUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { saveSection, type SaveResult } from "@/lib/db/budgets/save-section";
import { startNextYear, type StartResult } from "@/lib/db/budgets/start-next-year";
import { importIntoBudget, type ImportIntoResult, type ImportMode } from "@/lib/db/budgets/import-into-budget";
import { submitBudget } from "@/lib/workflow/submit-budget";
import { startAdjustment } from "@/lib/workflow/start-adjustment";
import { resolveComment } from "@/lib/workflow/resolve-comment";
import type { CommentResult, WorkflowResult } from "@/lib/workflow/result";
import { createBudget, type CreateResult } from "@/lib/db/budgets/create-budget";
import type { SectionId, SectionValues } from "@/lib/workspace/sections";
import { PACKAGE_TOO_LARGE, packageTooLarge } from "@/lib/workspace/package-limits";
import {
  createBudgetInput,
  importInput,
  parseInput,
  resolveCommentInput,
  saveSectionInput,
  startAdjustmentInput,
  startNextYearInput,
  submitInput,
} from "./actions.schema";

// Every argument is parsed by its zod schema (./actions.schema.ts) before anything else runs.
const invalid = (message: string) => ({ ok: false as const, code: "invalid_input", message });

/** Saves one section; every check (permission, scope, status, version, values) runs here on the server. */
export async function saveSectionAction(input: {
  budgetId: number;
  expectedVersion: number;
  section: SectionId;
  values: SectionValues<SectionId>;
  /** The section as the editor loaded it (lets a save merge over changes to other sections). */
  base?: SectionValues<SectionId>;
}): Promise<SaveResult> {
  const user = await permittedUser("budget.edit");
  if (!user) return { ok: false, kind: "refused", message: "请先以部门会计身份登录" };
  const parsed = parseInput(saveSectionInput, input);
  if (!parsed.ok) return { ok: false, kind: "refused", message: parsed.message };
  const { budgetId, expectedVersion, section, values, base } = parsed.data;
  const result = await saveSection(db(), user, {
    budgetId,
    expectedVersion,
    section,
    values: values as SectionValues<SectionId>,
    base: base as SectionValues<SectionId> | undefined,
  });
  if (result.ok) revalidatePath(`/workspace/budgets/${budgetId}`, "layout");
  return result;
}

export async function startNextYearAction(fromBudgetId: number): Promise<StartResult> {
  const user = await permittedUser("budget.edit");
  if (!user) return { ok: false, message: "请先以部门会计身份登录" };
  const parsed = parseInput(startNextYearInput, fromBudgetId);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  const result = await startNextYear(db(), user, { fromBudgetId: parsed.data });
  if (result.ok) revalidatePath("/workspace");
  return result;
}

/** Previews (apply = false) or applies an import of a Budget Package into this draft. */
export async function importIntoBudgetAction(input: {
  budgetId: number;
  expectedVersion: number;
  text: string;
  mode: ImportMode;
  apply: boolean;
}): Promise<ImportIntoResult> {
  const user = await permittedUser("budget.import");
  if (!user) return { ok: false, errors: [{ path: "", message: "请先以部门会计身份登录" }] };
  const parsed = parseInput(importInput, input);
  if (!parsed.ok) return { ok: false, errors: [{ path: "", message: parsed.message }] };
  if (packageTooLarge(parsed.data.text)) return { ok: false, errors: [{ path: "", message: PACKAGE_TOO_LARGE }] };
  const result = await importIntoBudget(db(), user, parsed.data);
  if (result.ok && result.applied) revalidatePath(`/workspace/budgets/${parsed.data.budgetId}`, "layout");
  return result;
}

/** 报送: refused (with the findings) while the engine reports any error. */
export async function submitBudgetAction(input: { budgetId: number; expectedVersion: number; comment?: string }): Promise<WorkflowResult> {
  const user = await permittedUser("budget.submit");
  if (!user) return { ok: false, code: "forbidden", message: "请先以部门会计身份登录" };
  const parsed = parseInput(submitInput, input);
  if (!parsed.ok) return invalid(parsed.message);
  const { budgetId, expectedVersion, comment } = parsed.data;
  const result = await submitBudget(db(), user, { budgetId, expectedVersion, ...(comment ? { comment } : {}) });
  revalidatePath(`/workspace/budgets/${budgetId}`, "layout");
  return result;
}

/** The accountant marks a reviewer's comment answered. */
export async function resolveCommentAction(input: { budgetId: number; commentId: number; answer?: string }): Promise<CommentResult> {
  const user = await permittedUser("budget.edit");
  if (!user) return { ok: false, code: "forbidden", message: "请先以部门会计身份登录" };
  const parsed = parseInput(resolveCommentInput, input);
  if (!parsed.ok) return invalid(parsed.message);
  const { budgetId, commentId, answer } = parsed.data;
  const result = await resolveComment(db(), user, { commentId, ...(answer ? { answer } : {}) });
  revalidatePath(`/workspace/budgets/${budgetId}`, "layout");
  return result;
}

export async function createBudgetAction(input: { departmentId: number; year: number }): Promise<CreateResult> {
  const user = await permittedUser("budget.edit");
  if (!user) return { ok: false, message: "请先以部门会计身份登录" };
  const parsed = parseInput(createBudgetInput, input);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  const result = await createBudget(db(), user, parsed.data);
  if (result.ok) revalidatePath("/workspace");
  return result;
}

/** 预算调整: reopen a published budget as a new draft version (its published version stays public). */
export async function startAdjustmentAction(input: { budgetId: number; expectedVersion: number; comment: string }): Promise<WorkflowResult> {
  const user = await permittedUser("budget.edit");
  if (!user) return { ok: false, code: "forbidden", message: "请先以部门会计身份登录" };
  const parsed = parseInput(startAdjustmentInput, input);
  if (!parsed.ok) return invalid(parsed.message);
  const result = await startAdjustment(db(), user, parsed.data);
  revalidatePath(`/workspace/budgets/${parsed.data.budgetId}`, "layout");
  return result;
}
