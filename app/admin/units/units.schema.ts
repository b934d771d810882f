import { z } from "zod";

const id = z.coerce.number({ error: "参数无效" }).int("参数无效").positive("参数无效");
const name = (what: string) => z.string({ error: `请填写${what}` }).trim().min(1, `请填写${what}`).max(100, `${what}不能超过 100 字`);

export const createRegionSchema = z.object({
  code: z.string({ error: "请填写区划代码" }).trim().regex(/^\d{6}$/, "区划代码应为 6 位数字，如 500109"),
  name: name("区划名称"),
});
export const createDepartmentSchema = z.object({
  regionId: id,
  code: z.string({ error: "请填写部门编码" }).trim().regex(/^\d{1,20}$/, "部门编码应为数字，如 111"),
  name: name("部门名称"),
});
export const createSubUnitSchema = z.object({
  departmentId: id,
  code: z.string({ error: "请填写单位编码" }).trim().regex(/^\d{1,30}$/, "单位编码应为数字，如 111001"),
  name: name("单位名称"),
});
export const renameSchema = z.object({
  kind: z.enum(["region", "department", "subUnit"], { error: "参数无效" }),
  id,
  name: name("名称"),
});
