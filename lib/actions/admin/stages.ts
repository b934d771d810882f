"use server";
import { revalidatePath } from "next/cache";
import type { AdminResult } from "@/lib/admin/admin-result";
import { addReviewStage, assignStageReviewer, moveReviewStage, removeReviewStage, renameReviewStage } from "@/lib/admin/review-stages";
import { defineFormAction } from "@/lib/server/action";
import { addStageSchema, assignReviewerSchema, moveStageSchema, removeStageSchema, renameStageSchema } from "./stages.schema";

const tier = { permission: "admin.units" } as const;
const refused = "您没有设置审核阶段的权限";

function answer(result: AdminResult, done: string) {
  if (result.ok) revalidatePath("/admin/stages");
  return result.ok ? { ...result, message: done } : result;
}

export const addStageAction = defineFormAction({
  tier,
  refused,
  input: addStageSchema,
  run: async (input, { user, db }) => answer(await addReviewStage(db, user, input), `已添加审核阶段“${input.name}”`),
});

export const renameStageAction = defineFormAction({
  tier,
  refused,
  input: renameStageSchema,
  run: async (input, { user, db }) => answer(await renameReviewStage(db, user, input), `已改名为“${input.name}”`),
});

export const moveStageAction = defineFormAction({
  tier,
  refused,
  input: moveStageSchema,
  run: async (input, { user, db }) => answer(await moveReviewStage(db, user, input), input.direction === "up" ? "已上移" : "已下移"),
});

export const removeStageAction = defineFormAction({
  tier,
  refused,
  input: removeStageSchema,
  run: async (input, { user, db }) => answer(await removeReviewStage(db, user, input), "已删除审核阶段"),
});

export const assignReviewerAction = defineFormAction({
  tier,
  refused,
  input: assignReviewerSchema,
  run: async (input, { user, db }) =>
    answer(
      await assignStageReviewer(db, user, { membershipId: input.membershipId, stageId: input.stageId ?? null }),
      input.stageId ? "已指定审核阶段" : "已设为各阶段均可审核",
    ),
});
