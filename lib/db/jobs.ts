import type { Prisma } from "@/generated/prisma/client";
import type { JobItem, JobKind, JobView } from "@/lib/jobs/types";
import { toSessionUser, type SessionUser } from "@/lib/auth/permissions";
import type { Db } from "./client";

/** A job as its runner sees it once claimed. */
export interface ClaimedJob {
  id: number;
  kind: JobKind;
  ownerId: number;
  input: unknown;
  attempts: number;
}

/** A running job whose runner said nothing for this long belongs to a process that stopped. */
export const STALE_AFTER_MS = 2 * 60_000;
/** A job taken back from a stopped process this many times is failed rather than retried forever. */
export const MAX_ATTEMPTS = 3;

export async function enqueueJob(
  db: Db,
  job: {
    kind: JobKind;
    ownerId: number;
    input: Prisma.InputJsonValue;
    scopeRegionId?: number;
    scopeDepartmentId?: number;
    total?: number;
    files?: { name: string; body: Uint8Array }[];
  },
): Promise<number> {
  const row = await db.job.create({
    data: {
      kind: job.kind,
      ownerId: job.ownerId,
      input: job.input,
      scopeRegionId: job.scopeRegionId ?? null,
      scopeDepartmentId: job.scopeDepartmentId ?? null,
      total: job.total ?? 0,
      message: "排队等候",
      files: job.files ? { create: job.files.map((f, position) => ({ position, name: f.name, body: new Uint8Array(f.body) })) } : undefined,
    },
    select: { id: true },
  });
  return row.id;
}

/**
 * Takes the oldest queued job for `worker`, or null. One statement: the sub-select locks the row
 * it picks and skips rows another runner is locking at that moment, so two runners (two app
 * servers) never take the same job and never wait for each other.
 */
export async function claimNextJob(db: Pick<Db, "$queryRaw">, worker: string): Promise<ClaimedJob | null> {
  const rows = await db.$queryRaw<ClaimedJob[]>`
    UPDATE "Job" SET status = 'running', "lockedBy" = ${worker}, "heartbeatAt" = now(),
      "startedAt" = coalesce("startedAt", now()), attempts = attempts + 1, message = '正在处理'
    WHERE id = (SELECT id FROM "Job" WHERE status = 'queued' ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1)
    RETURNING id, kind, "ownerId", input, attempts`;
  return rows[0] ?? null;
}

/**
 * Progress of a job its runner still holds (the heartbeat too). False when the runner no longer
 * holds it (taken back as stale): the runner then stops without writing anything more.
 */
export async function reportProgress(
  db: Db,
  id: number,
  worker: string,
  progress: { done: number; total: number; message: string; items: JobItem[] },
): Promise<boolean> {
  const { count } = await db.job.updateMany({
    where: { id, lockedBy: worker, status: "running" },
    data: { ...progress, items: progress.items as unknown as Prisma.InputJsonValue, heartbeatAt: new Date() },
  });
  return count === 1;
}

export async function finishJob(
  db: Db,
  id: number,
  worker: string,
  outcome: { message: string; items: JobItem[]; done: number; total: number; result?: { name: string; type: string; body: Uint8Array } },
): Promise<boolean> {
  const { count } = await db.job.updateMany({
    where: { id, lockedBy: worker, status: "running" },
    data: {
      status: "done",
      message: outcome.message,
      items: outcome.items as unknown as Prisma.InputJsonValue,
      done: outcome.done,
      total: outcome.total,
      finishedAt: new Date(),
      lockedBy: null,
      ...(outcome.result ? { resultName: outcome.result.name, resultType: outcome.result.type, result: new Uint8Array(outcome.result.body) } : {}),
    },
  });
  // The uploaded files served their purpose; the per-file outcome stays in `items`.
  if (count === 1) await db.jobFile.deleteMany({ where: { jobId: id } });
  return count === 1;
}

/** A job stopped by an error: what it had done so far stays in `items`, the error says why the rest was not. */
export async function failJob(db: Db, id: number, worker: string, error: string, items?: JobItem[]): Promise<boolean> {
  const { count } = await db.job.updateMany({
    where: { id, lockedBy: worker, status: "running" },
    data: {
      status: "failed",
      error,
      message: "失败",
      finishedAt: new Date(),
      lockedBy: null,
      ...(items ? { items: items as unknown as Prisma.InputJsonValue } : {}),
    },
  });
  return count === 1;
}

/**
 * Running jobs whose runner went silent (its process stopped or restarted) go back to the
 * queue, to start again from the beginning; after MAX_ATTEMPTS they fail, saying so. Any runner
 * may call it: the conditions are in the UPDATE, so two runners doing it at once take each job
 * back once.
 */
export async function recoverStaleJobs(db: Pick<Db, "$executeRaw">, now = new Date(), staleAfterMs = STALE_AFTER_MS): Promise<number> {
  const before = new Date(now.getTime() - staleAfterMs);
  const failed = await db.$executeRaw`
    UPDATE "Job" SET status = 'failed', "lockedBy" = NULL, "finishedAt" = ${now}, message = '失败',
      error = '处理该任务的服务器多次中断，任务已停止；已完成的部分见下方，未列出的尚未处理，请重新发起'
    WHERE status = 'running' AND "heartbeatAt" < ${before} AND attempts >= ${MAX_ATTEMPTS}`;
  const requeued = await db.$executeRaw`
    UPDATE "Job" SET status = 'queued', "lockedBy" = NULL, message = '服务器重启，任务重新排队'
    WHERE status = 'running' AND "heartbeatAt" < ${before}`;
  return failed + requeued;
}

const VIEW = {
  id: true,
  kind: true,
  status: true,
  done: true,
  total: true,
  message: true,
  items: true,
  error: true,
  resultName: true,
  createdAt: true,
  finishedAt: true,
} as const;

const toView = (row: Prisma.JobGetPayload<{ select: typeof VIEW }>): JobView => ({
  ...row,
  kind: row.kind as JobKind,
  items: row.items as unknown as JobItem[],
});

/** The user's own jobs, newest first: nobody sees another user's jobs. */
export async function listJobsOf(db: Db, ownerId: number, take = 30): Promise<JobView[]> {
  const rows = await db.job.findMany({ where: { ownerId }, orderBy: { id: "desc" }, take, select: VIEW });
  return rows.map(toView);
}

export async function jobOf(db: Db, ownerId: number, id: number): Promise<JobView | null> {
  const row = await db.job.findFirst({ where: { id, ownerId }, select: VIEW });
  return row ? toView(row) : null;
}

/** The result file of one of the user's finished jobs. */
export async function jobResultOf(db: Db, ownerId: number, id: number): Promise<{ name: string; type: string; body: Uint8Array } | null> {
  const row = await db.job.findFirst({ where: { id, ownerId, status: "done" }, select: { resultName: true, resultType: true, result: true } });
  if (!row?.result || !row.resultName || !row.resultType) return null;
  return { name: row.resultName, type: row.resultType, body: row.result };
}

export async function jobFiles(db: Db, jobId: number): Promise<{ name: string; body: Uint8Array }[]> {
  return db.jobFile.findMany({ where: { jobId }, orderBy: { position: "asc" }, select: { name: true, body: true } });
}

/**
 * The owner of a job as a session would see them now (memberships read fresh), or null when the
 * account is gone or deactivated: a job runs with its owner's rights at run time, not at creation.
 */
export async function jobOwner(db: Db, ownerId: number): Promise<SessionUser | null> {
  const user = await db.user.findFirst({ where: { id: ownerId, active: true }, include: { memberships: true } });
  if (!user) return null;
  return toSessionUser(user);
}
