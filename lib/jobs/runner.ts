import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { SessionUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { claimNextJob, failJob, finishJob, jobFiles, jobOwner, recoverStaleJobs, reportProgress, type ClaimedJob } from "@/lib/db/jobs";
import type { JobItem, JobKind } from "./types";

/** What a job's handler gets: its owner (with rights read now), its input and files, and a way to report. */
export interface JobContext {
  db: Db;
  owner: SessionUser;
  input: unknown;
  files(): Promise<{ name: string; body: Uint8Array }[]>;
  /** Sets the total of items (the bar's 100 %). */
  setTotal(total: number): Promise<void>;
  /** One item done (or not): counted, listed, and written with the heartbeat. */
  item(item: JobItem): Promise<void>;
  items: readonly JobItem[];
}

export interface JobOutcome {
  message: string;
  result?: { name: string; type: string; body: Uint8Array };
}

export type JobHandler = (ctx: JobContext) => Promise<JobOutcome>;

/** A reason the job cannot run at all (the owner lost the right, the input is wrong): it fails with this message. */
export class JobRefused extends Error {}

/** The runner stops writing to a job it no longer holds (taken back as stale by another). */
class LostJob extends Error {}

export interface RunnerOptions {
  worker?: string;
  pollMs?: number;
  staleAfterMs?: number;
  log?: (line: string) => void;
}

/**
 * Runs queued jobs one at a time in this process. Several processes may each run one: the queue
 * is in PostgreSQL and a claim skips the rows another runner holds (lib/db/jobs.ts). A process
 * that dies leaves its job running with an old heartbeat; any runner takes it back to the queue.
 */
export class JobRunner {
  readonly worker: string;
  private timer: NodeJS.Timeout | undefined;
  private busy = false;
  private stopped = true;
  private lastRecovery = 0;

  constructor(
    private readonly db: Db,
    private readonly handlers: Record<JobKind, JobHandler>,
    private readonly options: RunnerOptions = {},
  ) {
    this.worker = options.worker ?? `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** A job was just queued in this process: look now rather than at the next poll. */
  poke(): void {
    if (!this.stopped && !this.busy) this.schedule(0);
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), ms);
    this.timer.unref?.();
  }

  private async tick(): Promise<void> {
    if (this.busy || this.stopped) return;
    this.busy = true;
    try {
      if (Date.now() - this.lastRecovery > (this.options.staleAfterMs ?? 60_000) / 2) {
        this.lastRecovery = Date.now();
        await recoverStaleJobs(this.db, new Date(), this.options.staleAfterMs);
      }
      while (!this.stopped && (await this.runOnce())) {
        // drain the queue, then wait for the next poll
      }
    } catch (error) {
      this.options.log?.(`后台任务执行器出错：${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.busy = false;
      if (!this.stopped) this.schedule(this.options.pollMs ?? 2000);
    }
  }

  /** Claims and runs one job; false when the queue was empty. */
  async runOnce(): Promise<boolean> {
    const job = await claimNextJob(this.db, this.worker);
    if (!job) return false;
    await this.run(job);
    return true;
  }

  private async run(job: ClaimedJob): Promise<void> {
    const items: JobItem[] = [];
    let total = 0;
    const progress = async (message: string) => {
      if (!(await reportProgress(this.db, job.id, this.worker, { done: items.length, total, message, items }))) throw new LostJob();
    };
    try {
      const handler = this.handlers[job.kind];
      if (!handler) throw new JobRefused(`未知的任务类型：${job.kind}`);
      const owner = await jobOwner(this.db, job.ownerId);
      if (!owner) throw new JobRefused("发起任务的账号已停用，任务未执行");
      const outcome = await handler({
        db: this.db,
        owner,
        input: job.input,
        files: () => jobFiles(this.db, job.id),
        async setTotal(n) {
          total = n;
          await progress(`共 ${n} 项，已完成 0 项`);
        },
        async item(item) {
          items.push(item);
          await progress(`共 ${total} 项，已完成 ${items.length} 项`);
        },
        items,
      });
      await finishJob(this.db, job.id, this.worker, { ...outcome, items, done: items.length, total: Math.max(total, items.length) });
    } catch (error) {
      if (error instanceof LostJob) return;
      const message = error instanceof JobRefused ? error.message : "任务执行出错，已停止";
      if (!(error instanceof JobRefused))
        this.options.log?.(`后台任务 ${job.id}（${job.kind}）出错：${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      const notDone = total > items.length ? `；已完成 ${items.length} 项，其余 ${total - items.length} 项未处理` : "";
      await failJob(this.db, job.id, this.worker, `${message}${notDone}`, items);
    }
  }
}
