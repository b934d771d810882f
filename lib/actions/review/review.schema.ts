import { z } from "zod";
import { optionalText, strictId } from "@/lib/validation/fields";
import { COMMENT_MAX_LENGTH, COMMENT_SECTION_IDS } from "@/lib/workflow/comment-anchors";

/**
 * The reviewer's forms, validated by the same schemas in the browser (before sending) and in
 * the server action (always): a form field is never trusted because the page checked it.
 */
const id = strictId();

export const transitionSchema = z.object({
  budgetId: id,
  expectedVersion: id,
  comment: optionalText("说明", COMMENT_MAX_LENGTH),
});

export const returnSchema = transitionSchema.extend({
  comment: z
    .string({ error: "退回时必须填写退回意见" })
    .trim()
    .min(1, "退回时必须填写退回意见")
    .max(COMMENT_MAX_LENGTH, `退回意见不能超过 ${COMMENT_MAX_LENGTH} 字`),
});

export const commentSchema = z.object({
  budgetId: id,
  section: z.enum(COMMENT_SECTION_IDS, { error: "请选择意见针对的部分" }),
  anchor: z.string().trim().max(200, "位置不能超过 200 字").optional(),
  body: z.string({ error: "请填写意见内容" }).trim().min(1, "请填写意见内容").max(COMMENT_MAX_LENGTH, `意见不能超过 ${COMMENT_MAX_LENGTH} 字`),
});
