import type { SessionUser } from "@/lib/auth/permissions";
import type { Db } from "../client";
import { budgetScope } from "../scope";

export interface CommentView {
  id: number;
  section: string;
  anchor: string | null;
  body: string;
  author: string;
  createdAt: string;
  answer: string | null;
  resolvedAt: string | null;
}

/** The review comments of a budget the user may read, oldest first. */
export async function budgetComments(db: Db, user: SessionUser, budgetId: number): Promise<CommentView[]> {
  const rows = await db.budgetComment.findMany({
    where: { budgetId, budget: budgetScope(user, "budget.read") },
    orderBy: { createdAt: "asc" },
    include: { author: { select: { displayName: true } } },
  });
  return rows.map((c) => ({
    id: c.id,
    section: c.section,
    anchor: c.anchor,
    body: c.body,
    author: c.author.displayName,
    createdAt: c.createdAt.toISOString(),
    answer: c.answer,
    resolvedAt: c.resolvedAt?.toISOString() ?? null,
  }));
}
