import type { Prisma } from "@/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { applyTransition, WORKFLOW_TX_OPTIONS, type TransitionHooks } from "./apply-transition";
import { regionStages } from "./stage-context";
import { engineErrors, KIND_LABELS } from "./engine-check";
import { AppError } from "@/lib/errors";
import { STATUS_LABELS } from "@/lib/budget/status";
import { failure, type WorkflowResult } from "@/lib/result";

/**
 * 报送: a draft or returned budget (or 决算) goes to the district finance bureau. Refused while the engine
 * reports any error-level finding (they come back in `findings`). The package as submitted is
 * kept, so that the reviewer can see what changed when a returned budget comes back.
 * A unit's budget goes to its department instead (单位报送); a department with units reports
 * (部门报送) only once its accountant has accepted every unit's budget (部门审核).
 * A budget above an issued 控制数 is refused (rule ceiling.exceeded); the department's budgets of the
 * year are locked first, so a save cannot slip in between the check and the status change. In a
 * region with review stages the budget enters the first one.
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
            select: { departmentId: true, year: true, subUnitId: true, department: { select: { regionId: true } } },
          });
          // A save of any of them (the units' included) waits for this 报送, then finds the budget
          // submitted (a conflict): two units cannot jointly pass a ceiling behind the check.
          await tx.$queryRaw`select id from "Budget" where "departmentId" = ${row.departmentId} and "year" = ${row.year} order by id for update`;
          await refuseUnlessUnitsAccepted(tx, budget.id);
          // A unit hands in to its department, not to the bureau's stages; the department's budget,
          // the consolidation of its units, is what the 控制数 bound.
          const department = row.subUnitId === null;
          const [first] = department ? await regionStages(tx, row.department.regionId) : [];
          hooks.data = { submittedAt: now, reviewStageId: first?.id ?? null, stageEnteredAt: first ? now : null };
          const checked = await engineErrors(tx, budget.id, scope, { ceilings: department });
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

/** The department's 报送 waits for every unit: names those not yet handed in and accepted. */
async function refuseUnlessUnitsAccepted(tx: Prisma.TransactionClient, budgetId: number) {
  const own = await tx.budget.findUniqueOrThrow({ where: { id: budgetId }, select: { departmentId: true, year: true, kind: true, subUnitId: true } });
  if (own.subUnitId !== null) return;
  const pending = await tx.budget.findMany({
    where: { departmentId: own.departmentId, year: own.year, kind: own.kind, subUnitId: { not: null }, status: { not: "APPROVED" } },
    select: { status: true, unit: { select: { code: true, name: true } } },
    orderBy: { unit: { code: "asc" } },
  });
  if (pending.length === 0) return;
  const named = pending.map((b) => `${b.unit!.name}（${b.status === "SUBMITTED" ? "已报送，待部门审核" : STATUS_LABELS[b.status]}）`);
  throw new AppError("units_pending", `以下单位的预算尚未报送或尚未经部门审核通过：${named.join("、")}。全部单位报送并审核通过后，才能报送部门预算`);
}
