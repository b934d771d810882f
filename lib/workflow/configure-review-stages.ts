import { hasPermission, type SessionUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { failure, type AppFailure, type Result } from "@/lib/result";

/**
 * Sets a region's review stages, in order, each with its reviewers (usernames of the region's
 * reviewers). An empty list is the one-step review. Refused while a budget of the region waits
 * in review, so nobody's budget is left at a stage that no longer exists.
 */
export async function configureReviewStages(
  db: Db,
  actor: SessionUser,
  input: { regionCode: string; stages: { name: string; reviewers: string[] }[] },
): Promise<Result<{ stages: number }, AppFailure>> {
  try {
    return await db.$transaction(async (tx) => {
      if (!hasPermission(actor, "admin.units")) throw new AppError("forbidden", "您没有设置审核阶段的权限");
      const region = await tx.region.findUnique({ where: { code: input.regionCode } });
      if (!region) throw new AppError("not_found", "区划不存在");
      const waiting = await tx.budget.count({ where: { status: "SUBMITTED", department: { regionId: region.id } } });
      if (waiting > 0) throw new AppError("conflict", `本区还有 ${waiting} 个预算在审核中，审核完成后才能调整审核阶段`);
      await tx.membership.updateMany({ where: { regionId: region.id, role: "REVIEWER" }, data: { reviewStageId: null } });
      await tx.reviewStage.deleteMany({ where: { regionId: region.id } });
      for (const [i, stage] of input.stages.entries()) {
        const name = stage.name.trim();
        if (!name) throw new AppError("invalid_input", `第 ${i + 1} 个审核阶段：请填写名称`);
        const created = await tx.reviewStage.create({ data: { regionId: region.id, position: i + 1, name } });
        for (const username of stage.reviewers) {
          const set = await tx.membership.updateMany({
            where: { regionId: region.id, role: "REVIEWER", user: { username } },
            data: { reviewStageId: created.id },
          });
          if (set.count === 0) throw new AppError("invalid_input", `审核阶段“${name}”：${username} 不是本区的审核员`);
        }
      }
      return { ok: true as const, stages: input.stages.length };
    });
  } catch (error) {
    return failure(error);
  }
}
