import { z } from "zod";
import { strictId } from "@/lib/validation/fields";
import { COMMENT_MAX_LENGTH, COMMENT_SECTION_IDS } from "@/lib/workflow/comment-anchors";

/**
 * The reviewer's forms, validated by the same schemas in the browser (before sending) and in
 * the server action (always): a form field is never trusted because the page checked it.
 */
const id = strictId();

export const transitionSchema = z.object({
  budgetId: id,
  expectedVersion: id,
  comment: z.string().trim().max(COMMENT_MAX_LENGTH, `说明不能超过 ${COMMENT_MAX_LENGTH} 字`).optional(),
});

export const returnSchema = transitionSchema.extend({
  comment: z.string({ error: "退回时必须填写退回意见" }).trim().min(1, "退回时必须填写退回意见").max(COMMENT_MAX_LENGTH, `退回意见不能超过 ${COMMENT_MAX_LENGTH} 字`),
});

export const commentSchema = z.object({
  budgetId: id,
  section: z.enum(COMMENT_SECTION_IDS, { error: "请选择意见针对的部分" }),
  anchor: z.string().trim().max(200, "位置不能超过 200 字").optional(),
  body: z.string({ error: "请填写意见内容" }).trim().min(1, "请填写意见内容").max(COMMENT_MAX_LENGTH, `意见不能超过 ${COMMENT_MAX_LENGTH} 字`),
});

export type ActionState = { ok: boolean; message: string } | null;

/** FormData → plain object for the schemas (empty fields become absent). */
export function formValues(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && v !== "") out[k] = v;
  return out;
}

export function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? "输入有误";
}
