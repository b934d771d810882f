import { db } from "@/lib/db/client";
import { JOB_HANDLERS } from "@/lib/jobs/handlers";
import { JobRunner } from "@/lib/jobs/runner";

const globalForRunner = globalThis as unknown as { mingzhangJobRunner?: JobRunner };

/**
 * Starts (once per process) the runner of background jobs. Every app server runs one; they share
 * the queue in PostgreSQL. JOB_RUNNER=off leaves this server to the others (it still queues).
 */
export function startJobRunner(): JobRunner | undefined {
  if (process.env.JOB_RUNNER === "off" || !process.env.DATABASE_URL) return undefined;
  if (!globalForRunner.mingzhangJobRunner) {
    globalForRunner.mingzhangJobRunner = new JobRunner(db(), JOB_HANDLERS, { log: (line) => process.stderr.write(`[明账] ${line}\n`) });
    globalForRunner.mingzhangJobRunner.start();
  }
  return globalForRunner.mingzhangJobRunner;
}

/** A job was queued by this process: its runner looks at once instead of at its next poll. */
export function pokeJobRunner(): void {
  globalForRunner.mingzhangJobRunner?.poke();
}
