import { z } from "zod";
import { FUNDS } from "@/lib/budget/model";
import { strictId, strictInt } from "@/lib/validation/fields";
import { parseWanToYuan } from "@/lib/review/ceiling-table";

/** The bureau's 控制数 forms, checked by the same schemas in the browser and in the server action. */
const region = z.string({ error: "请选择区划" }).regex(/^\d{6}$/, "区划代码无效");
const year = strictInt(2000, 2100, "年度应在 2000–2100 之间");

export const ceilingSchema = z.object({
  regionCode: region,
  year,
  departmentCode: z.string({ error: "请选择部门" }).trim().min(1, "请选择部门").max(40, "部门编码无效"),
  fund: z.enum(FUNDS, { error: "请选择资金来源" }),
  kind: z.enum(["basic", "project"], { error: "请选择支出类别" }),
  projectCode: z.string().trim().max(60, "项目编码不能超过 60 字").optional(),
  amount: z
    .string({ error: "请填写控制数" })
    .trim()
    .min(1, "请填写控制数")
    .refine((v) => parseWanToYuan(v) !== null, "控制数应为以万元计的金额（如 1200.50），不能为负"),
});

export const ceilingImportSchema = z
  .object({
    regionCode: region,
    year,
    text: z.string().max(1_000_000, "文件过大（上限 1 MB）").optional(),
    // An .xlsx read by the browser as base64.
    xlsx: z.string().max(3_000_000, "Excel 文件过大（上限 2 MB）").optional(),
  })
  .refine((v) => (v.text ?? "") !== "" || (v.xlsx ?? "") !== "", { message: "请选择 CSV 或 Excel 文件", path: ["text"] });

export const issueCeilingsSchema = z.object({ regionCode: region, year });

export const deleteCeilingSchema = z.object({ regionCode: region, ceilingId: strictId() });
