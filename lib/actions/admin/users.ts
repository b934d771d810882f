"use server";
import { revalidatePath } from "next/cache";
import type { AdminResult } from "@/lib/admin/admin-result";
import { addMembership, createUser, removeMembership, resetPassword, setUserActive } from "@/lib/admin/users";
import { defineFormAction } from "@/lib/server/action";
import { addMembershipSchema, createUserSchema, removeMembershipSchema, resetPasswordSchema, setActiveSchema } from "./users.schema";

const tier = { permission: "admin.users" } as const;
const refused = "您没有管理用户的权限";

function answer(result: AdminResult, done: string) {
  if (result.ok) revalidatePath("/admin/users");
  return result.ok ? { ...result, message: done } : result;
}

const scope = (d: { departmentId?: number | undefined; regionId?: number | undefined; subUnitId?: number | undefined }) => ({
  ...(d.departmentId ? { departmentId: d.departmentId } : {}),
  ...(d.regionId ? { regionId: d.regionId } : {}),
  ...(d.subUnitId ? { subUnitId: d.subUnitId } : {}),
});

export const createUserAction = defineFormAction({
  tier,
  refused,
  input: createUserSchema,
  async run(input, { user, db }) {
    const { username, displayName, password, role } = input;
    return answer(await createUser(db, user, { username, displayName, password, membership: { role, ...scope(input) } }), `已创建用户 ${username}`);
  },
});

export const addMembershipAction = defineFormAction({
  tier,
  refused,
  input: addMembershipSchema,
  run: async (input, { user, db }) => answer(await addMembership(db, user, { userId: input.userId, role: input.role, ...scope(input) }), "已添加角色"),
});

export const removeMembershipAction = defineFormAction({
  tier,
  refused,
  input: removeMembershipSchema,
  run: async (input, { user, db }) => answer(await removeMembership(db, user, input), "已删除角色"),
});

export const resetPasswordAction = defineFormAction({
  tier,
  refused,
  input: resetPasswordSchema,
  run: async (input, { user, db }) => answer(await resetPassword(db, user, input), "已重设密码"),
});

export const setActiveAction = defineFormAction({
  tier,
  refused,
  input: setActiveSchema,
  run: async (input, { user, db }) => answer(await setUserActive(db, user, input), input.active ? "已启用账号" : "已停用账号"),
});
