import type { MembershipScope } from "@/lib/auth/permissions";

/** One stage of a region's review, in order (position 1 first). */
export interface StageRef {
  id: number;
  position: number;
  name: string;
}

/**
 * Where a submitted budget is: its recorded stage, or the first one when it was submitted before
 * the region configured stages. null: the region reviews in one step.
 */
export function currentStage(stages: readonly StageRef[], stageId: number | null): StageRef | null {
  const ordered = [...stages].sort((a, b) => a.position - b.position);
  return ordered.find((s) => s.id === stageId) ?? ordered[0] ?? null;
}

/** The stage after `stage`; null when passing it approves the budget. */
export function nextStage(stages: readonly StageRef[], stage: StageRef): StageRef | null {
  return [...stages].sort((a, b) => a.position - b.position).find((s) => s.position > stage.position) ?? null;
}

/**
 * Whether a reviewer of the region may pass or return a budget at `stage`: in a region without
 * stages any of its reviewers; otherwise the stage's own reviewers, and the region's reviewers
 * assigned to no stage (the bureau's overall reviewers, who may act at any stage).
 */
export function mayActAtStage(memberships: readonly MembershipScope[], regionId: number, stage: StageRef | null): boolean {
  return memberships.some(
    (m) => m.role === "REVIEWER" && m.regionId === regionId && (stage === null || m.reviewStageId == null || m.reviewStageId === stage.id),
  );
}

export function stageRefusedMessage(stage: StageRef): string {
  return `该预算正在“${stage.name}”阶段，只有该阶段的审核人可以通过或退回`;
}
