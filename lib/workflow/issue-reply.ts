import type { Prisma } from "@/generated/prisma/client";
import { hasPermission, type SessionUser } from "@/lib/auth/permissions";
import { replyTotals } from "@/lib/budget/reply-totals";
import { STATUS_LABELS } from "@/lib/budget/status";
import type { Db } from "@/lib/db/client";
import { loadForEngine } from "@/lib/db/budgets/load-for-engine";
import { budgetScope } from "@/lib/db/scope";
import { renderReplyPdf } from "@/lib/export/pdf/reply-pdf";
import { AppError, NOT_FOUND_MESSAGE } from "@/lib/errors";
import { failure, type WorkflowResult } from "@/lib/result";
import { WORKFLOW_TX_OPTIONS } from "./apply-transition";

/**
 * 下达批复: the bureau replies to an approved budget with the standard document stating its
 * totals by fund and 基本/项目; the PDF is stored as issued, and the 20-day publication clock
 * runs from here. Issued once per approval (a conditional update on status, version and no
 * 批复 yet), in the same transaction as its trail row.
 */
const conflict = new AppError("conflict", "该预算已被他人修改或处理，您的“下达批复”操作未执行，请刷新页面后查看");

export async function issueReply(db: Db, actor: SessionUser, input: { budgetId: number; expectedVersion: number }): Promise<WorkflowResult> {
  try {
    return await db.$transaction(async (tx) => {
      if (!hasPermission(actor, "budget.approve")) throw new AppError("forbidden", "您没有下达批复的权限");
      const scope = budgetScope(actor, "budget.approve");
      const row = await tx.budget.findFirst({
        where: { AND: [scope, { id: input.budgetId, kind: "budget" }] },
        select: {
          id: true,
          status: true,
          version: true,
          year: true,
          replyIssuedAt: true,
          department: { select: { name: true, region: { select: { name: true } } } },
        },
      });
      if (!row) throw new AppError("not_found", NOT_FOUND_MESSAGE);
      // As every transition: a stale version first (someone acted since), then the status.
      if (row.version !== input.expectedVersion) throw conflict;
      if (row.status !== "APPROVED") throw new AppError("illegal_transition", `${STATUS_LABELS[row.status]}的预算不能下达批复（只有审核通过的预算可以）`);
      if (row.replyIssuedAt) throw new AppError("illegal_transition", "该预算的批复已经下达");
      const engine = await loadForEngine(tx, row.id, scope);
      if (!engine) throw new AppError("not_found", NOT_FOUND_MESSAGE);
      const issuedAt = new Date();
      const totals = replyTotals(engine.budget);
      const pdf = await renderReplyPdf({ regionName: row.department.region.name, departmentName: row.department.name, year: row.year, totals, issuedAt });
      const updated = await tx.budget.updateMany({
        where: { AND: [scope, { id: row.id, status: "APPROVED", version: input.expectedVersion, replyIssuedAt: null }] },
        data: { replyIssuedAt: issuedAt, version: { increment: 1 } },
      });
      if (updated.count !== 1) throw conflict;
      const version = input.expectedVersion + 1;
      await tx.budgetReply.create({
        data: { budgetId: row.id, version, issuedAt, issuedById: actor.id, totals: totals as unknown as Prisma.InputJsonValue, pdf: new Uint8Array(pdf) },
      });
      await tx.budgetEvent.create({
        data: {
          budgetId: row.id,
          actorId: actor.id,
          action: "reply",
          fromStatus: "APPROVED",
          toStatus: "APPROVED",
          version,
          at: issuedAt,
          comment: `批复：支出合计 ${totals.total} 万元`,
        },
      });
      return { ok: true as const, status: "APPROVED" as const, version };
    }, WORKFLOW_TX_OPTIONS);
  } catch (error) {
    return failure(error);
  }
}
