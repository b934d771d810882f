import type { SessionUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { budgetScope } from "@/lib/db/scope";

/** The latest 批复 of a budget inside the user's read scope, or null. */
export async function findBudgetReply(db: Db, user: SessionUser, budgetId: number) {
  const reply = await db.budgetReply.findFirst({
    where: { budget: { AND: [budgetScope(user, "budget.read"), { id: budgetId }] } },
    orderBy: { id: "desc" },
    select: { pdf: true, issuedAt: true, budget: { select: { year: true, department: { select: { code: true } } } } },
  });
  return reply ? { pdf: reply.pdf, issuedAt: reply.issuedAt, year: reply.budget.year, unitCode: reply.budget.department.code } : null;
}
