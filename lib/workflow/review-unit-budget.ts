import type { SessionUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { failure, type WorkflowResult } from "@/lib/result";
import { applyTransition, WORKFLOW_TX_OPTIONS } from "./apply-transition";

/**
 * 部门审核: the department accountant accepts a unit's handed-in budget (单位报送 → 审核通过),
 * or returns it to the unit with a reason — also an accepted one, as long as the department's
 * own budget has not gone to the bureau (it was reported with that unit's figures in it; the
 * check holds the same locks as 部门报送, test/workflow/unit-ceilings-race.test.ts).
 * The scope of "unit.review" is the units of the accountant's own department (lib/db/scope.ts).
 */
export async function reviewUnitBudget(
  db: Db,
  actor: SessionUser,
  decision: "accept" | "return",
  input: { budgetId: number; expectedVersion: number; comment?: string },
): Promise<WorkflowResult> {
  try {
    return await db.$transaction(async (tx) => {
      const result = await applyTransition(tx, actor, decision === "accept" ? "unitAccept" : "unitReturn", input, {
        async before(budget) {
          if (decision === "return" && !input.comment?.trim()) throw new AppError("comment_required", "退回单位预算时必须填写退回意见");
          const unit = await tx.budget.findUniqueOrThrow({ where: { id: budget.id }, select: { departmentId: true, year: true, kind: true } });
          // The department's budgets of the year are locked in the order 部门报送 locks them: a 报送
          // in flight finishes first and is then seen, so no unit is reopened (and changed) under a
          // department budget already checked against its 控制数.
          await tx.$queryRaw`select id from "Budget" where "departmentId" = ${unit.departmentId} and "year" = ${unit.year} order by id for update`;
          const department = await tx.budget.findFirst({ where: { ...unit, subUnitId: null }, select: { status: true } });
          if (department && department.status !== "DRAFT" && department.status !== "RETURNED")
            throw new AppError(
              "illegal_transition",
              decision === "return"
                ? "部门预算已报送财政局，不能再退回单位预算；请待财政局退回部门预算后再退回单位"
                : "部门预算已报送财政局，不能再审核单位预算；请待财政局退回部门预算后再审核",
            );
        },
      });
      return { ok: true as const, ...result };
    }, WORKFLOW_TX_OPTIONS);
  } catch (error) {
    return failure(error);
  }
}
