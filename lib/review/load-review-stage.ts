import type { SessionUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { budgetScope } from "@/lib/db/scope";
import type { DepartmentRow } from "./department-row";
import { inQueue, nextStageName, regionReview, stageOf } from "./stage-and-ceilings";

export interface ReviewStageView {
  /** Where it waits, since when and who holds it; null when it is not waiting for the bureau. */
  stage: DepartmentRow["stage"];
  /** The stage passing this one leads to; null: passing approves. */
  nextStage: string | null;
  /** Whether this reviewer may pass or return it now. */
  mayAct: boolean;
}

/**
 * A 决算's place in its region's review stages, read inside the reviewer's scope: a 决算 is
 * submitted, passed and returned by the same use cases as a budget, so it moves through the same
 * stages (lib/workflow/submit-budget.ts, approve-budget.ts), and its review page says so the same way.
 */
export async function loadReviewStage(db: Db, user: SessionUser, budgetId: number, now = new Date()): Promise<ReviewStageView | null> {
  const row = await db.budget.findFirst({
    where: { AND: [budgetScope(user, "budget.review"), { id: budgetId }] },
    select: { status: true, reviewStageId: true, stageEnteredAt: true, submittedAt: true, department: { select: { regionId: true } } },
  });
  if (!row) return null;
  const review = await regionReview(db, row.department.regionId);
  return {
    stage: stageOf(review, row, now),
    nextStage: row.status === "SUBMITTED" ? nextStageName(review, row.reviewStageId) : null,
    mayAct: inQueue(user.memberships, review, row.status, row.reviewStageId),
  };
}
