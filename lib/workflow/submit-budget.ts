import type { Prisma } from "@/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { applyTransition, WORKFLOW_TX_OPTIONS, type TransitionHooks } from "./apply-transition";
import { regionStages } from "./stage-context";
import { engineErrors, KIND_LABELS } from "./engine-check";
import { AppError } from "@/lib/errors";
import { failure, type WorkflowResult } from "@/lib/result";

/**
 * 报送: a draft or returned budget (or 决算) goes to the district finance bureau. Refused while the engine
 * reports any error-level finding (they come back in `findings`). The package as submitted is
 * kept, so that the reviewer can see what changed when a returned budget comes back. A budget
 * above an issued 控制数 is refused (rule ceiling.exceeded); the department's budgets of the year
 * are locked first, so a save cannot slip in between the check and the status change. In a region
 * with review stages the budget enters the first one.
 */
export async function submitBudget(
  db: Db,
  actor: SessionUser,
  input: { budgetId: number; expectedVersion: number; comment?: string },
): Promise<WorkflowResult> {
  try {
    return await db.$transaction(async (tx) => {
      let pkg: Prisma.InputJsonValue | undefined;
      const now = new Date();
      const hooks: TransitionHooks = {
        data: { submittedAt: now },
        async before(budget, scope) {
          const row = await tx.budget.findFirstOrThrow({
            where: { AND: [scope, { id: budget.id }] },
            select: { departmentId: true, year: true, department: { select: { regionId: true } } },
          });
          // A save of any of them waits for this 报送, then finds the budget submitted (a conflict).
          await tx.$queryRaw`select id from "Budget" where "departmentId" = ${row.departmentId} and "year" = ${row.year} order by id for update`;
          const [first] = await regionStages(tx, row.department.regionId);
          hooks.data = { submittedAt: now, reviewStageId: first?.id ?? null, stageEnteredAt: first ? now : null };
          const checked = await engineErrors(tx, budget.id, scope, { ceilings: true });
          if (checked.errors.length > 0) {
            throw new AppError("findings", `${KIND_LABELS[checked.kind]}有 ${checked.errors.length} 项错误，修正后才能报送`, checked.errors);
          }
          pkg = checked.pkg;
        },
        async after(budget) {
          const sequence = (await tx.budgetSubmission.count({ where: { budgetId: budget.id } })) + 1;
          await tx.budgetSubmission.create({
            data: { budgetId: budget.id, sequence, version: budget.version, submittedById: actor.id, package: pkg! },
          });
        },
      };
      const result = await applyTransition(tx, actor, "submit", input, hooks);
      return { ok: true as const, ...result };
    }, WORKFLOW_TX_OPTIONS);
  } catch (error) {
    return failure(error);
  }
}
