import type { Prisma } from "@/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { applyTransition, WORKFLOW_TX_OPTIONS } from "./apply-transition";
import { engineErrors, KIND_LABELS } from "./engine-check";
import { AppError } from "@/lib/errors";
import { failure, type WorkflowResult } from "@/lib/result";

/**
 * 报送: a draft or returned budget (or 决算) goes to the district finance bureau. Refused while the engine
 * reports any error-level finding (they come back in `findings`). The package as submitted is
 * kept, so that the reviewer can see what changed when a returned budget comes back.
 */
export async function submitBudget(
  db: Db,
  actor: SessionUser,
  input: { budgetId: number; expectedVersion: number; comment?: string },
): Promise<WorkflowResult> {
  try {
    return await db.$transaction(async (tx) => {
      let pkg: Prisma.InputJsonValue | undefined;
      const result = await applyTransition(tx, actor, "submit", input, {
        data: { submittedAt: new Date() },
        async before(budget, scope) {
          const checked = await engineErrors(tx, budget.id, scope);
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
      });
      return { ok: true as const, ...result };
    }, WORKFLOW_TX_OPTIONS);
  } catch (error) {
    return failure(error);
  }
}
