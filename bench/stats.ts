/** Timing and summary statistics shared by the measures. */

export interface Summary {
  runs: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of already-sorted samples. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length);
  return {
    runs: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    max: round(sorted[sorted.length - 1] ?? Number.NaN),
    mean: round(mean),
  };
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function nowMs(): number {
  return performance.now();
}

/**
 * Runs `fn` repeatedly: `warmup` unrecorded runs (JIT, connection pool, plan cache), then up to
 * `runs` recorded ones, stopping early once `budgetMs` has passed so that a slow measure can
 * never blow the suite's 15 minutes. Returns the recorded durations in ms.
 */
export async function timeRuns(
  fn: (i: number) => Promise<unknown> | unknown,
  opts: { runs: number; warmup?: number; budgetMs: number; minRuns?: number; before?: () => Promise<unknown> },
): Promise<number[]> {
  for (let i = 0; i < (opts.warmup ?? 0); i++) {
    await opts.before?.();
    await fn(-1 - i);
  }
  const samples: number[] = [];
  const started = nowMs();
  for (let i = 0; i < opts.runs; i++) {
    // Set-up of a run (outside its time), e.g. a change the run then has to see.
    await opts.before?.();
    const t0 = nowMs();
    await fn(i);
    samples.push(nowMs() - t0);
    if (nowMs() - started > opts.budgetMs && samples.length >= (opts.minRuns ?? 1)) break;
  }
  return samples;
}

export function progress(line: string) {
  process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}
