"use server";
import { revalidatePath } from "next/cache";
import { permittedUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import type { AdminResult } from "@/lib/admin/admin-result";
import { addMembership, createUser, removeMembership, resetPassword, setUserActive } from "@/lib/admin/users";
import { firstIssue, formValues, type AdminFormState } from "../form-values";
import { addMembershipSchema, createUserSchema, removeMembershipSchema, resetPasswordSchema, setActiveSchema } from "./users.schema";

const NOT_PERMITTED: AdminFormState = { ok: false, message: "您没有管理用户的权限" };

function answer(result: AdminResult, done: string): AdminFormState {
  if (result.ok) revalidatePath("/admin/users");
  return result.ok ? { ok: true, message: done } : { ok: false, message: result.message };
}

const scope = (d: { departmentId?: number | undefined; regionId?: number | undefined }) => ({
  ...(d.departmentId ? { departmentId: d.departmentId } : {}),
  ...(d.regionId ? { regionId: d.regionId } : {}),
});

export async function createUserAction(_: AdminFormState, form: FormData): Promise<AdminFormState> {
  const user = await permittedUser("admin.users");
  if (!user) return NOT_PERMITTED;
  const parsed = createUserSchema.safeParse(formValues(form));
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error) };
  const { username, displayName, password, role } = parsed.data;
  const result = await createUser(db(), user, { username, displayName, password, membership: { role, ...scope(parsed.data) } });
  return answer(result, `已创建用户 ${username}`);
}

export async function addMembershipAction(_: AdminFormState, form: FormData): Promise<AdminFormState> {
  const user = await permittedUser("admin.users");
  if (!user) return NOT_PERMITTED;
  const parsed = addMembershipSchema.safeParse(formValues(form));
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error) };
  return answer(await addMembership(db(), user, { userId: parsed.data.userId, role: parsed.data.role, ...scope(parsed.data) }), "已添加角色");
}

export async function removeMembershipAction(_: AdminFormState, form: FormData): Promise<AdminFormState> {
  const user = await permittedUser("admin.users");
  if (!user) return NOT_PERMITTED;
  const parsed = removeMembershipSchema.safeParse(formValues(form));
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error) };
  return answer(await removeMembership(db(), user, parsed.data), "已删除角色");
}

export async function resetPasswordAction(_: AdminFormState, form: FormData): Promise<AdminFormState> {
  const user = await permittedUser("admin.users");
  if (!user) return NOT_PERMITTED;
  const parsed = resetPasswordSchema.safeParse(formValues(form));
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error) };
  return answer(await resetPassword(db(), user, parsed.data), "已重设密码");
}

export async function setActiveAction(_: AdminFormState, form: FormData): Promise<AdminFormState> {
  const user = await permittedUser("admin.users");
  if (!user) return NOT_PERMITTED;
  const parsed = setActiveSchema.safeParse(formValues(form));
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error) };
  return answer(await setUserActive(db(), user, parsed.data), parsed.data.active ? "已启用账号" : "已停用账号");
}
