"use server";
import { revalidatePath } from "next/cache";
import { csvGrid } from "@/lib/admin/catalog-table";
import { xlsxGrids } from "@/lib/admin/catalog-xlsx";
import { readCeilingGrid, parseWanToYuan } from "@/lib/review/ceiling-table";
import { defineFormAction } from "@/lib/server/action";
import { deleteCeiling, issueCeilings, saveCeilings } from "@/lib/workflow/manage-ceilings";
import { ceilingImportSchema, ceilingSchema, deleteCeilingSchema, issueCeilingsSchema } from "./ceilings.schema";

const REFUSED = "您没有管理控制数的权限";
const done = () => revalidatePath("/review/ceilings");

export const saveCeilingAction = defineFormAction({
  tier: { permission: "budget.approve" },
  refused: REFUSED,
  input: ceilingSchema,
  async run(input, { user, db }) {
    const entry = {
      departmentCode: input.departmentCode,
      fund: input.fund,
      kind: input.kind,
      projectCode: input.kind === "project" ? (input.projectCode ?? "") : "",
      amount: parseWanToYuan(input.amount)!,
    };
    const result = await saveCeilings(db, user, { regionCode: input.regionCode, year: input.year, entries: [entry] });
    if (!result.ok) return result;
    done();
    return { ok: true as const, message: "已保存，下达后部门可见" };
  },
});

export const importCeilingsAction = defineFormAction({
  tier: { permission: "budget.approve" },
  refused: REFUSED,
  input: ceilingImportSchema,
  async run(input, { user, db }) {
    const regionIds = user.memberships.filter((m) => m.role === "REVIEWER" && m.regionId !== null).map((m) => m.regionId!);
    const region = await db.region.findFirst({ where: { code: input.regionCode, id: { in: regionIds } }, select: { departments: { select: { code: true } } } });
    const codes = new Set(region?.departments.map((d) => d.code) ?? []);
    const grid = input.xlsx ? (await xlsxGrids(Buffer.from(input.xlsx, "base64")))[0]?.grid : csvGrid(input.text ?? "");
    if (!grid) return { ok: false as const, code: "invalid_input", message: "Excel 文件中没有工作表" };
    const read = readCeilingGrid(grid, codes);
    if (read.errors.length > 0)
      return { ok: false as const, code: "invalid_input", message: `有 ${read.errors.length} 处错误，未导入任何控制数`, errors: read.errors };
    const result = await saveCeilings(db, user, { regionCode: input.regionCode, year: input.year, entries: read.rows });
    if (!result.ok) return result;
    done();
    return { ok: true as const, message: `已导入 ${result.saved} 条控制数，下达后部门可见` };
  },
});

export const issueCeilingsAction = defineFormAction({
  tier: { permission: "budget.approve" },
  refused: REFUSED,
  input: issueCeilingsSchema,
  async run(input, { user, db }) {
    const result = await issueCeilings(db, user, input);
    if (!result.ok) return result;
    done();
    revalidatePath("/workspace", "layout");
    return { ok: true as const, message: `已下达 ${result.issued} 条控制数` };
  },
});

export const deleteCeilingAction = defineFormAction({
  tier: { permission: "budget.approve" },
  refused: REFUSED,
  input: deleteCeilingSchema,
  async run(input, { user, db }) {
    const result = await deleteCeiling(db, user, input);
    if (!result.ok) return result;
    done();
    return { ok: true as const, message: "已删除" };
  },
});
