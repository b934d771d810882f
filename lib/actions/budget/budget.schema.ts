import { z } from "zod";
import { isSectionId, type SectionId } from "@/lib/workspace/sections";
import { optionalText, strictBoolean, strictId, strictInt } from "@/lib/validation/fields";
import { COMMENT_MAX_LENGTH } from "@/lib/workflow/comment-anchors";

/**
 * The budget workspace's action inputs, one schema each, parsed whole by the action helper
 * (lib/server/action.ts) before anything runs: server actions are reachable with any payload,
 * and a wrong type is a Chinese message, never a 500.
 */
const id = strictId("请求无效");
const section = z
  .string({ error: "请求无效" })
  .refine(isSectionId, "请求无效")
  .transform((s) => s as SectionId);

export const saveSectionInput = z.object(
  {
    budgetId: id,
    expectedVersion: id,
    section,
    // Checked in full by the package schema inside saveSection.
    values: z.unknown(),
    // The section as the editor loaded it; a save merges over other sections only with it.
    base: z.unknown().optional(),
  },
  { error: "请求无效" },
);

export const startNextYearInput = id;

export const importInput = z.object(
  {
    budgetId: id,
    expectedVersion: id,
    text: z.string({ error: "请求无效：请选择预算包文件" }),
    mode: z.enum(["replace", "merge"], { error: "请选择替换或合并" }),
    apply: strictBoolean("请求无效"),
  },
  { error: "请求无效" },
);

export const submitInput = z.object(
  {
    budgetId: id,
    expectedVersion: id,
    comment: optionalText("报送说明", COMMENT_MAX_LENGTH),
  },
  { error: "请求无效" },
);

export const resolveCommentInput = z.object(
  {
    budgetId: id,
    commentId: id,
    answer: optionalText("答复", COMMENT_MAX_LENGTH),
  },
  { error: "请求无效" },
);

export const createBudgetInput = z.object(
  {
    departmentId: id,
    year: strictInt(2000, 2100, "预算年度应为 2000 至 2100 之间的年份"),
  },
  { error: "请求无效" },
);

export const startAdjustmentInput = z.object(
  {
    budgetId: id,
    expectedVersion: id,
    comment: z
      .string({ error: "发起预算调整时必须填写调整原因" })
      .trim()
      .min(1, "发起预算调整时必须填写调整原因")
      .max(COMMENT_MAX_LENGTH, `调整原因不能超过 ${COMMENT_MAX_LENGTH} 字`),
  },
  { error: "请求无效" },
);

export const reviewUnitInput = z.object(
  {
    budgetId: id,
    expectedVersion: id,
    decision: z.enum(["accept", "return"], { error: "请求无效" }),
    comment: optionalText("退回意见", COMMENT_MAX_LENGTH),
  },
  { error: "请求无效" },
);
