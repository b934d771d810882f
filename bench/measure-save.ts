/**
 * Measure (5): the deadline rush. 20 accountants of 20 departments each save a 200-line
 * 基本支出 section at the same moment, through `saveSection` (the server action's use case) on
 * one Prisma client, as they would through one app server. Ten rounds; every save carries the
 * version its editor last got back, so a conflict would show up as a failure, not as speed.
 * A single editor saving alone gives the unloaded cost, to tell queueing from work.
 */
import type { SessionUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { saveSection } from "@/lib/workflow/save-section";
import type { SectionValues } from "@/lib/workspace/sections";
import type { CatalogCodes } from "./generate-province";
import { yuan } from "./generate-province";
import { mulberry32, pickDistinct, seedOf } from "./prng";
import { nowMs, summarize, type Summary } from "./stats";

export interface SaveMeasure {
  editors: number;
  lines: number;
  rounds: number;
  failures: number;
  concurrent: Summary;
  alone: Summary;
  /** CPU of this process (user + system) per save alone: what 20 editors at once queue for. */
  aloneCpu: Summary;
  /**
   * This process's CPU (user + system) during the rounds of 20 at once, per save: the event loop
   * runs every save's Node part one after another, so 20 × this bounds a round from below.
   */
  loadCpuPerSave: number;
}

type BasicValues = SectionValues<"basic">;

/** A valid 200-line section: distinct (function, economic) pairs of the catalogue, amounts in 元. */
export function basicSection(codes: CatalogCodes, lines: number, seed: number): BasicValues {
  const random = mulberry32(seed);
  const pairs = codes.functions.flatMap((f) => codes.basicEconomics.map((e) => [f, e] as const));
  if (pairs.length < lines) throw new Error(`the catalogue has only ${pairs.length} line keys`);
  return {
    basicExpenditure: pickDistinct(random, pairs, lines).map(([fn, economic]) => ({
      function: fn,
      economic,
      fund: "generalBudget" as const,
      amount: yuan(Math.floor(random() * 50_000_000) + 100),
    })),
  };
}

export async function measureSave(
  db: Db,
  editors: { user: SessionUser; budgetId: number }[],
  codes: CatalogCodes,
  opts: { lines: number; rounds: number; budgetMs: number },
): Promise<SaveMeasure> {
  const versions = new Map<number, number>();
  for (const e of editors) {
    const row = await db.budget.findUniqueOrThrow({ where: { id: e.budgetId }, select: { version: true } });
    versions.set(e.budgetId, row.version);
  }
  let failures = 0;
  // The editor's browser makes the section, not the server: outside the timing, and made before
  // a round starts, since making it on this process's one thread while others' saves are timed
  // would charge the others for it (20 sections are ~10 ms of CPU).
  const section = (e: { budgetId: number }, round: number) => basicSection(codes, opts.lines, seedOf(e.budgetId, round));
  const save = async (e: { user: SessionUser; budgetId: number }, values: BasicValues) => {
    const t0 = nowMs();
    const result = await saveSection(db, e.user, {
      budgetId: e.budgetId,
      expectedVersion: versions.get(e.budgetId) as number,
      section: "basic",
      values,
    });
    const ms = nowMs() - t0;
    if (result.ok) versions.set(e.budgetId, result.version);
    else {
      failures++;
      if (failures === 1) process.stderr.write(`save failed: ${JSON.stringify(result).slice(0, 400)}\n`);
    }
    return ms;
  };

  const first = editors[0];
  if (!first) throw new Error("no editors");
  // Warm-up, then the unloaded cost: one editor, one save at a time.
  await save(first, section(first, 1000));
  const alone: number[] = [];
  const aloneCpu: number[] = [];
  for (let i = 0; i < 10; i++) {
    const values = section(first, 1001 + i);
    const c0 = process.cpuUsage();
    alone.push(await save(first, values));
    const c = process.cpuUsage(c0);
    aloneCpu.push((c.user + c.system) / 1000);
  }

  const concurrent: number[] = [];
  const started = nowMs();
  let cpuMs = 0;
  let rounds = 0;
  for (let round = 0; round < opts.rounds; round++) {
    const sections = editors.map((e) => section(e, round));
    const cpu0 = process.cpuUsage();
    concurrent.push(...(await Promise.all(editors.map((e, i) => save(e, sections[i] as BasicValues)))));
    const cpu = process.cpuUsage(cpu0);
    cpuMs += (cpu.user + cpu.system) / 1000;
    rounds++;
    if (nowMs() - started > opts.budgetMs) break;
  }
  return {
    editors: editors.length,
    lines: opts.lines,
    rounds,
    failures,
    concurrent: summarize(concurrent),
    alone: summarize(alone),
    aloneCpu: summarize(aloneCpu),
    loadCpuPerSave: Math.round((cpuMs / Math.max(1, concurrent.length)) * 100) / 100,
  };
}
