"use server";
import { revalidatePath } from "next/cache";
import { permittedUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import type { AdminResult } from "@/lib/admin/admin-result";
import { createDepartment, createRegion, createSubUnit, renameDepartment, renameRegion, renameSubUnit } from "@/lib/admin/units";
import { firstIssue, formValues, type AdminFormState } from "../form-values";
import { createDepartmentSchema, createRegionSchema, createSubUnitSchema, renameSchema } from "./units.schema";

const NOT_PERMITTED: AdminFormState = { ok: false, message: "您没有管理单位的权限" };

function answer(result: AdminResult, done: string): AdminFormState {
  if (result.ok) revalidatePath("/admin/units");
  return result.ok ? { ok: true, message: done } : { ok: false, message: result.message };
}

export async function createRegionAction(_: AdminFormState, form: FormData): Promise<AdminFormState> {
  const user = await permittedUser("admin.units");
  if (!user) return NOT_PERMITTED;
  const parsed = createRegionSchema.safeParse(formValues(form));
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error) };
  return answer(await createRegion(db(), user, parsed.data), `已添加区划 ${parsed.data.name}`);
}

export async function createDepartmentAction(_: AdminFormState, form: FormData): Promise<AdminFormState> {
  const user = await permittedUser("admin.units");
  if (!user) return NOT_PERMITTED;
  const parsed = createDepartmentSchema.safeParse(formValues(form));
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error) };
  return answer(await createDepartment(db(), user, parsed.data), `已添加部门 ${parsed.data.name}`);
}

export async function createSubUnitAction(_: AdminFormState, form: FormData): Promise<AdminFormState> {
  const user = await permittedUser("admin.units");
  if (!user) return NOT_PERMITTED;
  const parsed = createSubUnitSchema.safeParse(formValues(form));
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error) };
  return answer(await createSubUnit(db(), user, parsed.data), `已添加单位 ${parsed.data.name}`);
}

const RENAME = { region: renameRegion, department: renameDepartment, subUnit: renameSubUnit };

export async function renameAction(_: AdminFormState, form: FormData): Promise<AdminFormState> {
  const user = await permittedUser("admin.units");
  if (!user) return NOT_PERMITTED;
  const parsed = renameSchema.safeParse(formValues(form));
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error) };
  const { kind, id, name } = parsed.data;
  return answer(await RENAME[kind](db(), user, { id, name }), `已改名为 ${name}`);
}
