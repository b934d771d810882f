import type { Prisma } from "@/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/permissions";
import { AppError, NOT_FOUND_MESSAGE } from "@/lib/errors";
import { currentStage, mayActAtStage, nextStage, stageRefusedMessage, type StageRef } from "./review-stages";

type Tx = Prisma.TransactionClient;

/** Where a budget stands in its region's review, read inside the actor's scope. */
export interface StageContext {
  /** null: the region reviews in one step. */
  stage: StageRef | null;
  next: StageRef | null;
}

/**
 * The stage a reviewer acts at, refused (before anything changes) when it is not theirs. The
 * version check of the transition that follows catches a budget moved on meanwhile.
 */
export async function stageForReviewer(tx: Tx, actor: SessionUser, budgetId: number, scope: Prisma.BudgetWhereInput): Promise<StageContext> {
  const budget = await tx.budget.findFirst({
    where: { AND: [scope, { id: budgetId }] },
    select: { reviewStageId: true, department: { select: { regionId: true } } },
  });
  if (!budget) throw new AppError("not_found", NOT_FOUND_MESSAGE);
  const stages = await regionStages(tx, budget.department.regionId);
  const stage = currentStage(stages, budget.reviewStageId);
  if (!mayActAtStage(actor.memberships, budget.department.regionId, stage)) {
    throw new AppError("forbidden", stage ? stageRefusedMessage(stage) : "您没有审核该预算的权限");
  }
  return { stage, next: stage ? nextStage(stages, stage) : null };
}

export function regionStages(tx: Tx, regionId: number): Promise<StageRef[]> {
  return tx.reviewStage.findMany({ where: { regionId }, orderBy: { position: "asc" }, select: { id: true, position: true, name: true } });
}
