import { z } from "zod";
import { strictInt } from "@/lib/validation/fields";

export const catalogImportSchema = z.object({
  year: strictInt(2000, 2100, "年度应在 2000–2100 之间"),
  kind: z.enum(["function", "economic", "crosswalk"], { error: "请选择目录类型" }),
  // About 20,000 rows of a catalogue; larger is not a catalogue.
  text: z.string({ error: "请选择 CSV 文件" }).min(1, "请选择 CSV 文件").max(2_000_000, "文件过大（上限 2 MB）"),
});
