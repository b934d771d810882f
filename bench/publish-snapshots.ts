/**
 * The published budgets of the province get their frozen snapshot the way publishing makes it
 * (`freezeSnapshot` inside a transaction), so the public queries see real snapshot rows. Timed,
 * since it is the cost of one 公开 click.
 */
import type { Db } from "@/lib/db/client";
import { freezeSnapshot } from "@/lib/workflow/freeze-snapshot";
import { nowMs, summarize, type Summary } from "./stats";

export async function publishSnapshots(db: Db, budgetIds: readonly number[]): Promise<Summary> {
  const samples: number[] = [];
  for (const id of budgetIds) {
    const t0 = nowMs();
    await db.$transaction((tx) => freezeSnapshot(tx, id, null), { timeout: 60_000 });
    samples.push(nowMs() - t0);
  }
  return summarize(samples);
}
