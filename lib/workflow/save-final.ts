import { hasPermission, type SessionUser } from "@/lib/auth/permissions";
import type { PackageError } from "@/lib/budget/package/schema";
import { syncSelfEvaluationActuals } from "@/lib/final/package/fill";
import { parseFinalPackageValue, type FinalPackage } from "@/lib/final/package/schema";
import { applyFinalSection, FINAL_HELPERS, finalSectionSchemas, SectionMismatch, type FinalHelper, type FinalSectionId } from "@/lib/final/workspace/sections";
import type { Db } from "@/lib/db/client";
import type { Failure, Result } from "@/lib/result";
import { budgetScope } from "@/lib/db/scope";
import { EDITABLE_STATUSES } from "@/lib/db/budgets/commit-content";
import { finalColumns, writeFinalContent } from "@/lib/db/finals/write-final";

export type SaveFinalResult = Result<{ version: number }, Failure<{ code: "refused" | "conflict" | "invalid"; errors?: PackageError[] }>>;

const SECTION_LABELS: Record<FinalSectionId, string> = {
  lines: "支出决算数",
  income: "收入决算",
  carryover: "结转结余",
  threePublic: "“三公”经费",
  meetings: "会议费和培训费",
  assets: "车辆和设备",
  procurement: "政府采购",
  reasons: "变动原因",
  selfEvaluation: "项目支出绩效自评",
};

/**
 * Changes a 决算 draft: permission, the draft read inside the actor's scope, the change applied
 * to its package, 自评 执行数 kept equal to the 决算数, the whole package checked by the schema,
 * and one conditional UPDATE on the expected version (of two concurrent saves exactly one wins).
 */
export async function changeFinal(
  db: Db,
  actor: SessionUser,
  input: { budgetId: number; expectedVersion: number },
  change: (pkg: FinalPackage) => FinalPackage,
  event: { action: string; comment: string },
): Promise<SaveFinalResult> {
  if (!hasPermission(actor, "budget.edit")) return { ok: false, code: "refused", message: "您没有编制决算的权限" };
  return db.$transaction(
    async (tx) => {
      const row = await tx.budget.findFirst({
        where: { AND: [budgetScope(actor, "budget.edit"), { id: input.budgetId, kind: "final" }] },
        include: { finalContent: true },
      });
      if (!row?.finalContent) return { ok: false as const, code: "refused" as const, message: "未找到该决算" };
      if (!(EDITABLE_STATUSES as readonly string[]).includes(row.status)) {
        return { ok: false as const, code: "refused" as const, message: "只有编制中或已退回的决算可以修改" };
      }
      if (row.version !== input.expectedVersion) {
        return { ok: false as const, code: "conflict" as const, message: "决算已被他人修改，请刷新页面后重新填写" };
      }
      let changed: FinalPackage;
      try {
        changed = syncSelfEvaluationActuals(change(row.finalContent.package as FinalPackage));
      } catch (error) {
        if (error instanceof SectionMismatch) return { ok: false as const, code: "conflict" as const, message: error.message };
        if (error instanceof InvalidSectionValues) return { ok: false as const, code: "invalid" as const, message: error.message };
        throw error;
      }
      const parsed = parseFinalPackageValue(JSON.parse(JSON.stringify(changed)));
      if (!parsed.ok) return { ok: false as const, code: "invalid" as const, message: parsed.errors[0]!.message, errors: parsed.errors };
      const bumped = await tx.budget.updateMany({
        where: { id: row.id, version: input.expectedVersion, status: { in: [...EDITABLE_STATUSES] } },
        data: { ...finalColumns(parsed.pkg), version: { increment: 1 } },
      });
      if (bumped.count !== 1) return { ok: false as const, code: "conflict" as const, message: "决算已被他人修改，请刷新页面后重新填写" };
      await writeFinalContent(tx, row.id, parsed.pkg);
      const version = input.expectedVersion + 1;
      await tx.budgetEvent.create({
        data: { budgetId: row.id, actorId: actor.id, action: event.action, fromStatus: row.status, toStatus: row.status, version, comment: event.comment },
      });
      return { ok: true as const, version };
    },
    { timeout: 30_000 },
  );
}

class InvalidSectionValues extends Error {}

/** Saves one section of the 决算 workspace; `values` is parsed with the section's zod schema here. */
export async function saveFinalSection(
  db: Db,
  actor: SessionUser,
  input: { budgetId: number; expectedVersion: number; section: FinalSectionId; values: unknown },
): Promise<SaveFinalResult> {
  // Parsed once the 决算 is known to be the actor's: a refusal reads the same whatever is sent.
  const change = (pkg: FinalPackage) => {
    const parsed = finalSectionSchemas[input.section].safeParse(input.values);
    if (!parsed.success) throw new InvalidSectionValues("提交的内容格式不正确，请刷新页面后重试");
    return applyFinalSection(pkg, input.section, parsed.data as never);
  };
  return changeFinal(db, actor, input, change, {
    action: `edit.final.${input.section}`,
    comment: `修改决算：${SECTION_LABELS[input.section]}`,
  });
}

/** 决算数按全年预算数填入 / 按支出决算数生成收入 (lib/final/package/fill.ts). */
export async function applyFinalHelper(
  db: Db,
  actor: SessionUser,
  input: { budgetId: number; expectedVersion: number; helper: FinalHelper },
): Promise<SaveFinalResult> {
  const comment = input.helper === "fillActuals" ? "未填的决算数按全年预算数填入" : "按支出决算数和结转结余生成收入决算";
  return changeFinal(db, actor, input, FINAL_HELPERS[input.helper], { action: `edit.final.${input.helper}`, comment });
}
