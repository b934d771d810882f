import type { Prisma } from "@/generated/prisma/client";
import { hasPermission, type SessionUser } from "@/lib/auth/permissions";
import { STATUS_LABELS, type BudgetStatusName } from "@/lib/budget/status";
import { refreshDashboardRows } from "@/lib/db/queries/dashboard-rows";
import { budgetScope } from "@/lib/db/scope";
import { AppError, NOT_FOUND_MESSAGE } from "@/lib/errors";
import { canTransition, illegalTransitionMessage, TRANSITIONS, type WorkflowAction } from "./transitions";

type Tx = Prisma.TransactionClient;

export interface TransitionInput {
  budgetId: number;
  /** The version the user saw; any change since then (an edit, another reviewer) is a conflict. */
  expectedVersion: number;
  comment?: string;
}

export interface TransitionHooks {
  /** Checks before the status changes (findings, a required comment); throw AppError to refuse. */
  before?: (budget: { id: number; status: BudgetStatusName; version: number }, scope: Prisma.BudgetWhereInput) => Promise<void>;
  /** Extra columns of the budget row set by this transition (timestamps). */
  data?: Prisma.BudgetUncheckedUpdateManyInput;
  /** Work done in the same transaction once the status has changed (snapshots). */
  after?: (budget: { id: number; version: number }) => Promise<void>;
  /**
   * A review stage passed that is not the last: the budget stays 已报送 (moving to the next stage
   * through `data`), and the trail names the step `stage.pass`.
   */
  stay?: boolean;
  /** The review stage the step is taken at, recorded on the trail row. */
  stage?: string;
}

/**
 * One workflow step inside the caller's transaction: permission, then the budget read inside the
 * actor's scope (outside it: not found), then a conditional update on the expected status and
 * version — `count === 1` or someone else was first — and the event row of the trail.
 */
export async function applyTransition(
  tx: Tx,
  actor: SessionUser,
  action: WorkflowAction,
  input: TransitionInput,
  hooks: TransitionHooks = {},
): Promise<{ status: BudgetStatusName; version: number }> {
  const t = TRANSITIONS[action];
  if (!hasPermission(actor, t.permission)) throw new AppError("forbidden", `您没有${t.label}预算的权限`);
  const scope = budgetScope(actor, t.permission);
  const where = (extra: Prisma.BudgetWhereInput): Prisma.BudgetWhereInput => ({ AND: [scope, { id: input.budgetId }, extra] });

  const current = await tx.budget.findFirst({ where: where({}), select: { id: true, status: true, version: true } });
  if (!current) throw new AppError("not_found", NOT_FOUND_MESSAGE);
  if (current.version !== input.expectedVersion) throw conflict(action, current.status);
  if (!canTransition(action, current.status)) throw new AppError("illegal_transition", illegalTransitionMessage(action, current.status));

  await hooks.before?.(current, scope);

  const updated = await tx.budget.updateMany({
    where: where({ status: current.status, version: input.expectedVersion }),
    data: { ...hooks.data, status: hooks.stay ? current.status : t.to, version: { increment: 1 } },
  });
  if (updated.count !== 1) {
    // Someone changed the budget between our read and our update; under READ COMMITTED this
    // read sees what they committed.
    const now = await tx.budget.findFirst({ where: where({}), select: { status: true } });
    if (!now) throw new AppError("not_found", NOT_FOUND_MESSAGE);
    throw conflict(action, now.status);
  }
  const version = input.expectedVersion + 1;
  const to = hooks.stay ? current.status : t.to;
  await tx.budgetEvent.create({
    data: {
      budgetId: current.id,
      actorId: actor.id,
      action: hooks.stay ? "stage.pass" : action,
      fromStatus: current.status,
      toStatus: to,
      version,
      comment: input.comment?.trim() || null,
      stage: hooks.stage ?? null,
    },
  });
  await hooks.after?.({ id: current.id, version });
  // The reviewers' dashboards show this budget's new status and figures (and next year's 上年)
  // without computing them at their next read.
  await refreshDashboardRows(tx, [current.id]);
  return { status: to, version };
}

function conflict(action: WorkflowAction, status: BudgetStatusName): AppError {
  return new AppError(
    "conflict",
    `该预算已被他人修改或处理（当前状态：${STATUS_LABELS[status]}），您的“${TRANSITIONS[action].label}”操作未执行，请刷新页面后查看`,
  );
}

/** Interactive transactions of the workflow: checks and snapshots may take a few seconds. */
export const WORKFLOW_TX_OPTIONS = { timeout: 30_000, maxWait: 15_000 } as const;
