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
import { isSectionId, type SectionId, type SectionValues } from "@/lib/workspace/sections";

const MAX_PACKAGE_CHARS = 5 * 1024 * 1024;

// Server actions are reachable with any payload, not only what the forms send.
const INVALID = { ok: false as const, code: "invalid_input", message: "请求无效" };
function hasIds(input: unknown, ...keys: string[]): boolean {
  return typeof input === "object" && input !== null && keys.every((k) => Number.isSafeInteger((input as Record<string, unknown>)[k]));
}

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
  // Server actions are reachable with any payload, not only what the form sends.
  if (typeof input !== "object" || input === null) return { ok: false, kind: "refused", message: "请求无效" };
  if (!Number.isSafeInteger(input.budgetId) || !Number.isSafeInteger(input.expectedVersion) || !isSectionId(input.section)) {
    return { ok: false, kind: "refused", message: "请求无效" };
  }
  const result = await saveSection(db(), user, input);
  if (result.ok) revalidatePath(`/workspace/budgets/${input.budgetId}`, "layout");
  return result;
}

export async function startNextYearAction(fromBudgetId: number): Promise<StartResult> {
  const user = await permittedUser("budget.edit");
  if (!user) return { ok: false, message: "请先以部门会计身份登录" };
  if (!Number.isSafeInteger(fromBudgetId)) return { ok: false, message: "请求无效" };
  const result = await startNextYear(db(), user, { fromBudgetId });
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
  if (typeof input !== "object" || input === null || typeof input.text !== "string") {
    return { ok: false, errors: [{ path: "", message: "请求无效：请选择预算包文件" }] };
  }
  if (!Number.isSafeInteger(input.budgetId) || !Number.isSafeInteger(input.expectedVersion)) {
    return { ok: false, errors: [{ path: "", message: "请求无效" }] };
  }
  if (input.text.length > MAX_PACKAGE_CHARS) {
    return { ok: false, errors: [{ path: "", message: "预算包文件过大（超过 5 MB）" }] };
  }
  if (input.mode !== "replace" && input.mode !== "merge") return { ok: false, errors: [{ path: "", message: "请选择替换或合并" }] };
  const result = await importIntoBudget(db(), user, input);
  if (result.ok && result.applied) revalidatePath(`/workspace/budgets/${input.budgetId}`, "layout");
  return result;
}

/** 报送: refused (with the findings) while the engine reports any error. */
export async function submitBudgetAction(input: { budgetId: number; expectedVersion: number; comment?: string }): Promise<WorkflowResult> {
  const user = await permittedUser("budget.submit");
  if (!user) return { ok: false, code: "forbidden", message: "请先以部门会计身份登录" };
  if (!hasIds(input, "budgetId", "expectedVersion")) return INVALID;
  const result = await submitBudget(db(), user, input);
  revalidatePath(`/workspace/budgets/${input.budgetId}`, "layout");
  return result;
}

/** The accountant marks a reviewer's comment answered. */
export async function resolveCommentAction(input: { budgetId: number; commentId: number; answer?: string }): Promise<CommentResult> {
  const user = await permittedUser("budget.edit");
  if (!user) return { ok: false, code: "forbidden", message: "请先以部门会计身份登录" };
  if (!hasIds(input, "budgetId", "commentId")) return INVALID;
  const result = await resolveComment(db(), user, { commentId: input.commentId, answer: input.answer });
  revalidatePath(`/workspace/budgets/${input.budgetId}`, "layout");
  return result;
}

export async function createBudgetAction(input: { departmentId: number; year: number }): Promise<CreateResult> {
  const user = await permittedUser("budget.edit");
  if (!user) return { ok: false, message: "请先以部门会计身份登录" };
  if (typeof input !== "object" || input === null) return { ok: false, message: "请求无效" };
  const result = await createBudget(db(), user, { departmentId: Number(input.departmentId), year: Number(input.year) });
  if (result.ok) revalidatePath("/workspace");
  return result;
}

/** 预算调整: reopen a published budget as a new draft version (its published version stays public). */
export async function startAdjustmentAction(input: { budgetId: number; expectedVersion: number; comment: string }): Promise<WorkflowResult> {
  const user = await permittedUser("budget.edit");
  if (!user) return { ok: false, code: "forbidden", message: "请先以部门会计身份登录" };
  if (!hasIds(input, "budgetId", "expectedVersion")) return INVALID;
  const result = await startAdjustment(db(), user, input);
  revalidatePath(`/workspace/budgets/${input.budgetId}`, "layout");
  return result;
}
