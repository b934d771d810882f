import { z } from "zod";
import { PASSWORD_MAX_CHARS } from "@/lib/auth/password-limits";
import { formBoolean, nameField, strictId } from "@/lib/validation/fields";

const id = strictId();
const optionalId = strictId().optional();
const password = z.string({ error: "请填写密码" }).min(10, "密码至少 10 位").max(PASSWORD_MAX_CHARS, `密码不能超过 ${PASSWORD_MAX_CHARS} 位`);

const membership = {
  role: z.enum(["ADMIN", "REVIEWER", "ACCOUNTANT"], { error: "请选择角色" }),
  departmentId: optionalId,
  regionId: optionalId,
  /** A unit of the department: the accountant of that unit only (单位会计). */
  subUnitId: optionalId,
};
// The scope a role needs; the use case and the database check it again.
const scopeFits = (m: { role: string; departmentId?: number | undefined; regionId?: number | undefined; subUnitId?: number | undefined }) =>
  m.role === "ACCOUNTANT" ? !!m.departmentId : m.role === "REVIEWER" ? !!m.regionId && !m.subUnitId : !m.subUnitId;
const scopeMessage = { message: "部门会计须选择部门，财政局审核员须选择区划；所属单位只用于会计" };

export const createUserSchema = z
  .object({
    username: z
      .string({ error: "请填写用户名" })
      .trim()
      .regex(/^[a-z0-9][a-z0-9._-]{2,49}$/, "用户名为 3–50 位小写字母、数字或 . _ -"),
    displayName: nameField("显示名称", 100),
    password,
    ...membership,
  })
  .refine(scopeFits, scopeMessage);

export const addMembershipSchema = z.object({ userId: id, ...membership }).refine(scopeFits, scopeMessage);
export const removeMembershipSchema = z.object({ membershipId: id });
export const resetPasswordSchema = z.object({ userId: id, password });
export const setActiveSchema = z.object({ userId: id, active: formBoolean() });
