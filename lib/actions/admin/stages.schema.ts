import { z } from "zod";
import { nameField, strictId } from "@/lib/validation/fields";

const id = strictId();
const stageName = nameField("审核阶段名称", 50);

export const addStageSchema = z.object({ regionId: id, name: stageName });
export const renameStageSchema = z.object({ stageId: id, name: stageName });
export const moveStageSchema = z.object({ stageId: id, direction: z.enum(["up", "down"], { error: "参数无效" }) });
export const removeStageSchema = z.object({ stageId: id });
// An empty choice (the form drops it) is "every stage": the region's overall reviewer.
export const assignReviewerSchema = z.object({ membershipId: id, stageId: strictId().optional() });
