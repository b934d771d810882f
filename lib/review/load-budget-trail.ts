import type { SessionUser } from "@/lib/auth/permissions";
import type { BudgetStatusName } from "@/lib/budget/status";
import type { Db } from "@/lib/db/client";
import { budgetScope } from "@/lib/db/scope";
import { commentPlace } from "@/lib/workflow/comment-anchors";
import { EVENT_LABELS } from "@/lib/workflow/transitions";
import { actionName } from "@/lib/workspace/field-names";

export type TrailEntry =
  | {
      kind: "event";
      id: number;
      at: Date;
      actor: string;
      action: string;
      label: string;
      fromStatus: BudgetStatusName | null;
      toStatus: BudgetStatusName;
      version: number;
      comment: string | null;
    }
  | {
      kind: "comment";
      id: number;
      at: Date;
      actor: string;
      section: string;
      anchor: string | null;
      place: string;
      body: string;
      answer: string | null;
      resolvedAt: Date | null;
      resolvedBy: string | null;
    };

/**
 * The full history of a budget — every status change and every comment with its answer — in
 * time order, for anyone who may read the budget (null otherwise).
 */
export async function loadBudgetTrail(db: Db, user: SessionUser, budgetId: number): Promise<TrailEntry[] | null> {
  const budget = await db.budget.findFirst({
    where: { AND: [budgetScope(user, "budget.read"), { id: budgetId }] },
    select: {
      events: { orderBy: { id: "asc" }, include: { actor: { select: { displayName: true } } } },
      comments: {
        orderBy: { id: "asc" },
        include: { author: { select: { displayName: true } }, resolvedBy: { select: { displayName: true } } },
      },
      projects: { select: { code: true, name: true } },
    },
  });
  if (!budget) return null;
  const projectNames = new Map(budget.projects.map((p) => [p.code, p.name]));
  const entries: TrailEntry[] = [
    ...budget.events.map((e) => ({
      kind: "event" as const,
      id: e.id,
      at: e.at,
      actor: e.actor?.displayName ?? "系统",
      action: e.action,
      // The stage a step was taken at: "审核阶段通过（业务科室初审）", "退回（局领导审定）".
      label: `${EVENT_LABELS[e.action] ?? actionName(e.action) ?? e.action}${e.stage ? `（${e.stage}）` : ""}`,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      version: e.version,
      comment: e.comment,
    })),
    ...budget.comments.map((c) => ({
      kind: "comment" as const,
      id: c.id,
      at: c.createdAt,
      actor: c.author.displayName,
      section: c.section,
      anchor: c.anchor,
      place: commentPlace(c.section, c.anchor, projectNames),
      body: c.body,
      answer: c.answer,
      resolvedAt: c.resolvedAt,
      resolvedBy: c.resolvedBy?.displayName ?? null,
    })),
  ];
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime() || (a.kind === b.kind ? a.id - b.id : a.kind === "event" ? -1 : 1));
}
