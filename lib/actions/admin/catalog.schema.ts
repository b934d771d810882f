import { z } from "zod";
import { strictInt } from "@/lib/validation/fields";

export const catalogImportSchema = z
  .object({
    year: strictInt(2000, 2100, "年度应在 2000–2100 之间"),
    kind: z.enum(["function", "economic", "crosswalk"], { error: "请选择目录类型" }),
    // About 20,000 rows of a catalogue; larger is not a catalogue.
    text: z.string().max(2_000_000, "文件过大（上限 2 MB）").optional(),
    // An .xlsx read by the browser as base64 (the server action's body limit is 6 MB).
    xlsx: z.string().max(5_000_000, "Excel 文件过大（上限 3.5 MB）").optional(),
    // The button pressed: preview (the default) or import.
    intent: z.enum(["preview", "import"], { error: "请求无效" }).optional(),
  })
  .refine((v) => (v.text ?? "") !== "" || (v.xlsx ?? "") !== "", { message: "请选择 CSV 或 Excel 文件，或粘贴 CSV 内容", path: ["text"] });
