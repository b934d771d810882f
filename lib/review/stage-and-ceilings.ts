import type { MembershipScope } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { ceilingUseOfBasis, type Ceiling, type CeilingBasis } from "@/lib/budget/ceilings";
import { formatWan, toWanYuan } from "@/lib/budget/money";
import { currentStage, mayActAtStage, nextStage, type StageRef } from "@/lib/workflow/review-stages";
import type { DepartmentRow } from "./department-row";
import { calendarDaysBetween } from "./publication-deadline";

/** The name a region without stages gives its one review step. */
export const SINGLE_STAGE_NAME = "财政局审核";

export interface RegionReview {
  regionId: number;
  stages: (StageRef & { holders: string[] })[];
  /** Reviewers of the region assigned to no stage (in a region without stages: all of them). */
  unassigned: string[];
}

/** Where a submitted budget waits and who holds it; null when it is not waiting for the bureau. */
export function stageOf(
  review: RegionReview,
  budget: { status: string; reviewStageId: number | null; stageEnteredAt: Date | null; submittedAt: Date | null },
  now: Date,
): NonNullable<DepartmentRow["stage"]> | null {
  if (budget.status !== "SUBMITTED") return null;
  const since = budget.stageEnteredAt ?? budget.submittedAt ?? now;
  const stage = currentStage(review.stages, budget.reviewStageId);
  const at = stage ? review.stages.find((s) => s.id === stage.id)! : null;
  return {
    id: at?.id ?? null,
    name: at?.name ?? SINGLE_STAGE_NAME,
    since: since.toISOString(),
    days: calendarDaysBetween(since, now),
    holders: at ? at.holders : review.unassigned,
  };
}

/** Whether a submitted budget is in this reviewer's queue (they may pass or return it now). */
export function inQueue(memberships: readonly MembershipScope[], review: RegionReview, status: string, reviewStageId: number | null): boolean {
  return status === "SUBMITTED" && mayActAtStage(memberships, review.regionId, currentStage(review.stages, reviewStageId));
}

/** The dashboard's view of a budget's 控制数: 万元, one rounding each. */
export function ceilingColumns(basis: CeilingBasis, ceilings: readonly Ceiling[]): NonNullable<DepartmentRow["ceilings"]> {
  const w = (d: Parameters<typeof toWanYuan>[0]) => formatWan(toWanYuan(d));
  return ceilingUseOfBasis(basis, ceilings).map((u) => ({
    label: u.label,
    amount: w(u.ceiling.amount),
    used: w(u.used),
    left: w(u.left),
    exceeded: u.exceeded,
  }));
}

/** The region's stages with the names of their reviewers (two queries). */
export async function regionReview(db: Db, regionId: number): Promise<RegionReview> {
  const reviewers = await db.membership.findMany({
    where: { regionId, role: "REVIEWER", user: { active: true } },
    select: { reviewStageId: true, user: { select: { displayName: true } } },
    orderBy: { userId: "asc" },
  });
  const stages = await db.reviewStage.findMany({ where: { regionId }, orderBy: { position: "asc" }, select: { id: true, position: true, name: true } });
  return {
    regionId,
    stages: stages.map((s) => ({ ...s, holders: reviewers.filter((r) => r.reviewStageId === s.id).map((r) => r.user.displayName) })),
    unassigned: reviewers.filter((r) => r.reviewStageId === null).map((r) => r.user.displayName),
  };
}

/** The stage after the one a budget waits at, by name; null at the last (or only) stage. */
export function nextStageName(review: RegionReview, reviewStageId: number | null): string | null {
  const stage = currentStage(review.stages, reviewStageId);
  return stage ? (nextStage(review.stages, stage)?.name ?? null) : null;
}
