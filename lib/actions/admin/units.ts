"use server";
import { revalidatePath } from "next/cache";
import type { AdminResult } from "@/lib/admin/admin-result";
import { createDepartment, createRegion, createSubUnit, renameDepartment, renameRegion, renameSubUnit } from "@/lib/admin/units";
import { defineFormAction } from "@/lib/server/action";
import { createDepartmentSchema, createRegionSchema, createSubUnitSchema, renameSchema } from "./units.schema";

const tier = { permission: "admin.units" } as const;
const refused = "您没有管理单位的权限";

function answer(result: AdminResult, done: string) {
  if (result.ok) revalidatePath("/admin/units");
  return result.ok ? { ...result, message: done } : result;
}

export const createRegionAction = defineFormAction({
  tier,
  refused,
  input: createRegionSchema,
  run: async (input, { user, db }) => answer(await createRegion(db, user, input), `已添加区划 ${input.name}`),
});

export const createDepartmentAction = defineFormAction({
  tier,
  refused,
  input: createDepartmentSchema,
  run: async (input, { user, db }) => answer(await createDepartment(db, user, input), `已添加部门 ${input.name}`),
});

export const createSubUnitAction = defineFormAction({
  tier,
  refused,
  input: createSubUnitSchema,
  run: async (input, { user, db }) => answer(await createSubUnit(db, user, input), `已添加单位 ${input.name}`),
});

const RENAME = { region: renameRegion, department: renameDepartment, subUnit: renameSubUnit };

export const renameAction = defineFormAction({
  tier,
  refused,
  input: renameSchema,
  run: async ({ kind, id, name }, { user, db }) => answer(await RENAME[kind](db, user, { id, name }), `已改名为 ${name}`),
});
