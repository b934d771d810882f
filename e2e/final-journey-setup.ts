/**
 * Run by workspace-final.spec.ts (tsx, DATABASE_URL = the e2e server's database) to give the 决算
 * journey its world: 134's 2023 budget published through the workflow use cases (review-journey
 * may have published it already), and no 2023 决算 of 134 yet (the demo's draft is removed, so
 * that the journey starts it from the budget itself). Idempotent. Prints the budget's id.
 */
import type { SessionUser } from "@/lib/auth/permissions";
import { createDb, type Db } from "@/lib/db/connect";
import { approveBudget } from "@/lib/workflow/approve-budget";
import { publishBudget } from "@/lib/workflow/publish-budget";
import { submitBudget } from "@/lib/workflow/submit-budget";

async function sessionUser(db: Db, username: string): Promise<SessionUser> {
  const u = await db.user.findUniqueOrThrow({ where: { username }, include: { memberships: true } });
  return { id: u.id, username, displayName: u.displayName, memberships: u.memberships.map((m) => ({ role: m.role, departmentId: m.departmentId, regionId: m.regionId })) };
}

async function main() {
  const db = createDb(process.env.DATABASE_URL!);
  try {
    const where = { year: 2023, department: { code: "134", region: { code: "500109" } } };
    const budget = await db.budget.findFirstOrThrow({ where: { ...where, kind: "budget" } });
    const accountant = await sessionUser(db, "accountant.134");
    const reviewer = await sessionUser(db, "reviewer.500109");
    const steps: Record<string, [typeof submitBudget, SessionUser] | undefined> = {
      DRAFT: [submitBudget, accountant],
      RETURNED: [submitBudget, accountant],
      SUBMITTED: [approveBudget, reviewer],
      APPROVED: [publishBudget, reviewer],
    };
    for (;;) {
      const now = await db.budget.findUniqueOrThrow({ where: { id: budget.id } });
      const step = steps[now.status];
      if (!step) break;
      const result = await step[0](db, step[1], { budgetId: now.id, expectedVersion: now.version, comment: "决算演练：先公开 2023 年预算" });
      if (!result.ok) throw new Error(result.message);
    }
    const draft = await db.budget.findFirst({ where: { ...where, kind: "final" } });
    if (draft && draft.status === "DRAFT") await db.budget.delete({ where: { id: draft.id } });
    process.stdout.write(JSON.stringify({ budgetId: budget.id }));
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  process.stderr.write(String(error instanceof Error ? error.stack : error));
  process.exit(1);
});
