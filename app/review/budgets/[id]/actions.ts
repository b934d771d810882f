"use server";
import { revalidatePath } from "next/cache";
import { permittedUser } from "@/lib/auth/session";
import type { Permission } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { addComment } from "@/lib/workflow/add-comment";
import { approveBudget } from "@/lib/workflow/approve-budget";
import { publishBudget } from "@/lib/workflow/publish-budget";
import { returnBudget } from "@/lib/workflow/return-budget";
import type { WorkflowResult } from "@/lib/workflow/result";
import { commentSchema, firstIssue, formValues, returnSchema, transitionSchema, type ActionState } from "./review-actions.schema";

const NOT_PERMITTED: ActionState = { ok: false, message: "预算不存在或您无权访问" };

function answer(result: WorkflowResult, done: string, budgetId: number): ActionState {
  revalidatePath(`/review/budgets/${budgetId}`);
  revalidatePath(`/review/finals/${budgetId}`);
  revalidatePath("/review");
  return result.ok ? { ok: true, message: done } : { ok: false, message: result.message };
}

async function transition(
  permission: Permission,
  schema: typeof transitionSchema | typeof returnSchema,
  form: FormData,
  run: typeof approveBudget,
  done: string,
): Promise<ActionState> {
  const user = await permittedUser(permission);
  if (!user) return NOT_PERMITTED;
  const parsed = schema.safeParse(formValues(form));
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error) };
  const { budgetId, expectedVersion, comment } = parsed.data;
  const result = await run(db(), user, { budgetId, expectedVersion, ...(comment ? { comment } : {}) });
  return answer(result, done, budgetId);
}

export async function returnAction(_: ActionState, form: FormData): Promise<ActionState> {
  return transition("budget.return", returnSchema, form, returnBudget, "已退回，部门会计可以修改后重新报送");
}

export async function approveAction(_: ActionState, form: FormData): Promise<ActionState> {
  return transition("budget.approve", transitionSchema, form, approveBudget, "已审核通过，请在 20 日内公开");
}

export async function publishAction(_: ActionState, form: FormData): Promise<ActionState> {
  const state = await transition("budget.publish", transitionSchema, form, publishBudget, "已公开，公众现在可以查阅");
  // The public pages are cached; a new published version must show at once.
  if (state?.ok) {
    revalidatePath("/b", "layout");
    revalidatePath("/");
  }
  return state;
}

export async function commentAction(_: ActionState, form: FormData): Promise<ActionState> {
  const user = await permittedUser("budget.comment");
  if (!user) return NOT_PERMITTED;
  const parsed = commentSchema.safeParse(formValues(form));
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error) };
  const { budgetId, section, anchor, body } = parsed.data;
  const result = await addComment(db(), user, { budgetId, section, body, ...(anchor ? { anchor } : {}) });
  revalidatePath(`/review/budgets/${budgetId}`);
  return result.ok ? { ok: true, message: "意见已保存" } : { ok: false, message: result.message };
}
