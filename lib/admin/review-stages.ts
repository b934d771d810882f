import type { Prisma } from "@/generated/prisma/client";
import { hasPermission, type SessionUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { adminFailure, requireAdmin, type AdminResult } from "./admin-result";

type Tx = Prisma.TransactionClient;

/**
 * A region's review stages, edited one change at a time by an administrator (the permission
 * configureReviewStages asks for). No stages is the one-step review. A stage that holds budgets
 * (or 决算) waiting in it can be neither removed nor moved: they would skip a stage or land in one
 * that no longer exists. Every change takes the region's row lock first, so two administrators'
 * changes to the positions follow one another.
 */
const guard = (actor: SessionUser) => requireAdmin(hasPermission(actor, "admin.units"), "设置审核阶段");

interface StageRow {
  id: number;
  regionId: number;
  position: number;
  name: string;
}

async function lockRegion(tx: Tx, regionId: number): Promise<StageRow[]> {
  const locked = await tx.$queryRaw<{ id: number }[]>`select id from "Region" where id = ${regionId} for update`;
  if (locked.length === 0) throw new AppError("not_found", "区划不存在");
  return tx.reviewStage.findMany({ where: { regionId }, orderBy: { position: "asc" } });
}

async function lockStage(tx: Tx, stageId: number): Promise<{ stage: StageRow; stages: StageRow[] }> {
  const row = await tx.reviewStage.findUnique({ where: { id: stageId }, select: { regionId: true } });
  if (!row) throw new AppError("not_found", "该审核阶段不存在（可能已被删除），请刷新页面");
  const stages = await lockRegion(tx, row.regionId);
  const stage = stages.find((s) => s.id === stageId);
  if (!stage) throw new AppError("not_found", "该审核阶段不存在（可能已被删除），请刷新页面");
  return { stage, stages };
}

/**
 * The budgets and 决算 waiting at a stage: recorded there, or (the first stage) submitted before
 * the region had stages. A unit's 报送 goes to its department, never to a stage. Locking the
 * stage row first makes a pass into it that is under way finish (its foreign key holds a share
 * lock on the row) before the count, and one that starts later fail on the removed stage.
 */
async function heldAt(tx: Tx, stage: StageRow, stages: readonly StageRow[]): Promise<string[]> {
  await tx.$queryRaw`select id from "ReviewStage" where id = ${stage.id} for update`;
  const first = stages[0]?.id === stage.id;
  const held = await tx.budget.findMany({
    where: {
      status: "SUBMITTED",
      subUnitId: null,
      department: { regionId: stage.regionId },
      OR: first ? [{ reviewStageId: stage.id }, { reviewStageId: null }] : [{ reviewStageId: stage.id }],
    },
    select: { year: true, kind: true, department: { select: { code: true, name: true } } },
    orderBy: [{ department: { code: "asc" } }, { year: "asc" }],
  });
  return held.map((b) => `${b.department.code} ${b.department.name} ${b.year} 年${b.kind === "final" ? "决算" : "预算"}`);
}

function refuseHeld(stage: StageRow, held: string[], what: string) {
  if (held.length === 0) return;
  const shown = held.slice(0, 3).join("、") + (held.length > 3 ? ` 等` : "");
  throw new AppError("conflict", `“${stage.name}”阶段还有 ${held.length} 个预算或决算在审核中（${shown}），不能${what}；待其通过或退回后再${what}`);
}

function checkName(stages: readonly StageRow[], name: string, except?: number) {
  if (stages.some((s) => s.name === name && s.id !== except)) throw new AppError("conflict", `本区已有名为“${name}”的审核阶段`);
}

export async function addReviewStage(db: Db, actor: SessionUser, input: { regionId: number; name: string }): Promise<AdminResult> {
  try {
    guard(actor);
    const row = await db.$transaction(async (tx) => {
      const stages = await lockRegion(tx, input.regionId);
      checkName(stages, input.name);
      // A budget submitted to a region without stages waits at the first stage once there is one.
      return tx.reviewStage.create({ data: { regionId: input.regionId, position: (stages.at(-1)?.position ?? 0) + 1, name: input.name } });
    });
    return { ok: true, id: row.id };
  } catch (error) {
    return adminFailure(error);
  }
}

export async function renameReviewStage(db: Db, actor: SessionUser, input: { stageId: number; name: string }): Promise<AdminResult> {
  try {
    guard(actor);
    await db.$transaction(async (tx) => {
      const { stage, stages } = await lockStage(tx, input.stageId);
      checkName(stages, input.name, stage.id);
      await tx.reviewStage.update({ where: { id: stage.id }, data: { name: input.name } });
    });
    return { ok: true, id: input.stageId };
  } catch (error) {
    return adminFailure(error);
  }
}

/** Swaps a stage with its neighbour, refused while either holds budgets (they would skip one). */
export async function moveReviewStage(db: Db, actor: SessionUser, input: { stageId: number; direction: "up" | "down" }): Promise<AdminResult> {
  try {
    guard(actor);
    await db.$transaction(async (tx) => {
      const { stage, stages } = await lockStage(tx, input.stageId);
      const at = stages.indexOf(stage);
      const other = stages[input.direction === "up" ? at - 1 : at + 1];
      if (!other) throw new AppError("conflict", input.direction === "up" ? `“${stage.name}”已是第一个审核阶段` : `“${stage.name}”已是最后一个审核阶段`);
      refuseHeld(stage, await heldAt(tx, stage, stages), "调整顺序");
      refuseHeld(other, await heldAt(tx, other, stages), "调整顺序");
      // (regionId, position) is unique: one of the two waits on a free position meanwhile.
      const free = (stages.at(-1)?.position ?? 0) + 1;
      await tx.reviewStage.update({ where: { id: stage.id }, data: { position: free } });
      await tx.reviewStage.update({ where: { id: other.id }, data: { position: stage.position } });
      await tx.reviewStage.update({ where: { id: stage.id }, data: { position: other.position } });
    });
    return { ok: true, id: input.stageId };
  } catch (error) {
    return adminFailure(error);
  }
}

/**
 * Removes a stage that holds nothing; the stages after it move up. Its reviewers are left on no
 * stage (the region's overall reviewers) until assigned again; without stages the review is the
 * one step it was.
 */
export async function removeReviewStage(db: Db, actor: SessionUser, input: { stageId: number }): Promise<AdminResult> {
  try {
    guard(actor);
    await db.$transaction(async (tx) => {
      const { stage, stages } = await lockStage(tx, input.stageId);
      refuseHeld(stage, await heldAt(tx, stage, stages), "删除");
      await tx.membership.updateMany({ where: { reviewStageId: stage.id }, data: { reviewStageId: null } });
      await tx.reviewStage.delete({ where: { id: stage.id } });
      for (const later of stages.filter((s) => s.position > stage.position)) {
        await tx.reviewStage.update({ where: { id: later.id }, data: { position: later.position - 1 } });
      }
    });
    return { ok: true, id: input.stageId };
  } catch (error) {
    return adminFailure(error);
  }
}

/** Puts one of the region's reviewers on a stage of that region, or on none (stageId null: every stage). */
export async function assignStageReviewer(db: Db, actor: SessionUser, input: { membershipId: number; stageId: number | null }): Promise<AdminResult> {
  try {
    guard(actor);
    await db.$transaction(async (tx) => {
      const membership = await tx.membership.findUnique({ where: { id: input.membershipId }, select: { role: true, regionId: true } });
      if (!membership || membership.role !== "REVIEWER" || membership.regionId === null) throw new AppError("invalid_input", "所选用户不是财政局审核员");
      await lockRegion(tx, membership.regionId);
      if (input.stageId !== null) {
        const stage = await tx.reviewStage.findUnique({ where: { id: input.stageId }, select: { regionId: true } });
        if (!stage || stage.regionId !== membership.regionId) throw new AppError("invalid_input", "审核阶段不属于该审核员所在的区划");
      }
      await tx.membership.update({ where: { id: input.membershipId }, data: { reviewStageId: input.stageId } });
    });
    return { ok: true, id: input.membershipId };
  } catch (error) {
    return adminFailure(error);
  }
}

/** A region's stages in order, with their reviewers, and the region's reviewers for the page. */
export async function loadRegionStages(db: Db, regionCode: string) {
  const region = await db.region.findUnique({ where: { code: regionCode }, select: { id: true, code: true, name: true } });
  if (!region) return null;
  const [stages, reviewers] = await Promise.all([
    db.reviewStage.findMany({ where: { regionId: region.id }, orderBy: { position: "asc" }, select: { id: true, position: true, name: true } }),
    db.membership.findMany({
      where: { regionId: region.id, role: "REVIEWER" },
      orderBy: { user: { username: "asc" } },
      select: { id: true, reviewStageId: true, user: { select: { username: true, displayName: true, active: true } } },
    }),
  ]);
  const waiting = await db.budget.groupBy({
    by: ["reviewStageId"],
    where: { status: "SUBMITTED", subUnitId: null, department: { regionId: region.id } },
    _count: { _all: true },
  });
  const count = (id: number | null) => waiting.find((w) => w.reviewStageId === id)?._count._all ?? 0;
  return {
    region,
    stages: stages.map((s, i) => ({ ...s, waiting: count(s.id) + (i === 0 ? count(null) : 0) })),
    reviewers,
  };
}
