import { z } from "zod";
import { optionalText, strictId } from "@/lib/validation/fields";
import { COMMENT_MAX_LENGTH } from "@/lib/workflow/comment-anchors";

export { finalHelperInput, finalSaveInput } from "@/lib/final/workspace/sections";

const id = strictId("请求无效");

export const submitFinalInput = z.strictObject(
  { budgetId: id, expectedVersion: id, comment: optionalText("报送说明", COMMENT_MAX_LENGTH) },
  { error: "请求无效" },
);

export const startFinalInput = z.strictObject({ fromBudgetId: id }, { error: "请求无效" });
