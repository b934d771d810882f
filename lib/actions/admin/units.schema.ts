import { z } from "zod";
import { UNIT_CODE_MAX_DIGITS, UNIT_CODE_PATTERN } from "@/lib/budget/package/codes";
import { nameField, strictId } from "@/lib/validation/fields";

const id = strictId();
const name = (what: string) => nameField(what, 100);

export const createRegionSchema = z.object({
  code: z
    .string({ error: "请填写区划代码" })
    .trim()
    .regex(/^\d{6}$/, "区划代码应为 6 位数字，如 500109"),
  name: name("区划名称"),
});
// Department and sub-unit codes go into every budget package: the package schema's own limit.
export const createDepartmentSchema = z.object({
  regionId: id,
  code: z.string({ error: "请填写部门编码" }).trim().regex(UNIT_CODE_PATTERN, `部门编码应为 1–${UNIT_CODE_MAX_DIGITS} 位数字，如 111`),
  name: name("部门名称"),
});
export const createSubUnitSchema = z.object({
  departmentId: id,
  code: z.string({ error: "请填写单位编码" }).trim().regex(UNIT_CODE_PATTERN, `单位编码应为 1–${UNIT_CODE_MAX_DIGITS} 位数字，如 111001`),
  name: name("单位名称"),
});
export const renameSchema = z.object({
  kind: z.enum(["region", "department", "subUnit"], { error: "参数无效" }),
  id,
  name: name("名称"),
});
