import { db, type Db } from "./client";
import { poolMax, prismaOnPool } from "./connect";

/**
 * The read replica (DATABASE_REPLICA_URL, optional): a PostgreSQL streaming standby the public
 * side reads published snapshots from, so publication-day readers do not queue behind the
 * departments' saves. Only reads that are neither about to be written nor shown to someone who
 * just changed something go there (lib/public/read-published.ts); everything else reads the
 * primary through db().
 *
 * Its lag is measured here, without writing anything: every `checkEveryMs` the primary's WAL
 * position is sampled, and the replica's lag is the age of the oldest sample it has not yet
 * replayed (0 when it has replayed them all). So it is exact to within one interval, and it does
 * not mistake a quiet primary for a lagging replica, as the age of pg_last_xact_replay_timestamp()
 * would. A replica that is down, errs, or lags more than MINGZHANG_REPLICA_MAX_LAG_MS (2000 by
 * default) is not read until a check finds it back within the bound; each change is logged once.
 */
export interface ReplicaStatus {
  healthy: boolean;
  lagMs: number | null;
  reason: string;
  checkedAt: number;
}

export interface ReplicaRouter {
  /** The client to read published snapshots with: the replica when it is healthy, else the primary. */
  choose(): { db: Db; replica: boolean };
  /** A read on the replica failed: it is not used again until a check finds it healthy. */
  failed(error: unknown): void;
  status(): ReplicaStatus;
  /** Runs one check now (tests; the timer runs them otherwise). */
  check(): Promise<ReplicaStatus>;
  stop(): Promise<void>;
}

export const DEFAULT_MAX_LAG_MS = 2000;

/** An LSN ("16/B374D848") as one number, to compare positions. */
export function parseLsn(text: string | null | undefined): bigint | null {
  const m = /^([0-9A-F]+)\/([0-9A-F]+)$/i.exec(text ?? "");
  return m ? (BigInt(`0x${m[1]}`) << 32n) + BigInt(`0x${m[2]}`) : null;
}

/** The lag implied by primary WAL samples (time, position) and the replica's replayed position. */
export function lagFromSamples(samples: readonly { at: number; lsn: bigint }[], replayed: bigint, now: number): number {
  const oldest = samples.find((s) => s.lsn > replayed);
  return oldest ? Math.max(0, now - oldest.at) : 0;
}

/** One line saying why a read failed (the driver's message can be empty, e.g. connection refused). */
function reasonOf(error: unknown): string {
  const e = error as { message?: unknown; code?: unknown; cause?: { code?: unknown; message?: unknown }; name?: unknown } | null;
  const first = (v: unknown) => (typeof v === "string" ? v.split("\n")[0]!.trim() : "");
  return first(e?.message) || first(e?.code) || first(e?.cause?.code) || first(e?.cause?.message) || first(e?.name) || "连接失败";
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} ${ms} 毫秒未应答`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

export function createReplicaRouter(opts: {
  primary: Db;
  replicaUrl: string;
  maxLagMs?: number;
  checkEveryMs?: number;
  log?: (line: string) => void;
}): ReplicaRouter {
  const maxLag = opts.maxLagMs ?? DEFAULT_MAX_LAG_MS;
  const every = opts.checkEveryMs ?? Math.max(50, Math.min(500, Math.floor(maxLag / 4)));
  const log = opts.log ?? (() => undefined);
  // A replica that does not answer must not hold a public request for long: it falls back.
  const replica: Db = prismaOnPool({ connectionString: opts.replicaUrl, connectionTimeoutMillis: 2000, max: poolMax() });
  const samples: { at: number; lsn: bigint }[] = [];
  // Not read until the first check has found it within the bound.
  let state: ReplicaStatus = { healthy: false, lagMs: null, reason: "尚未检查", checkedAt: 0 };
  let running: Promise<ReplicaStatus> | undefined;
  let stopped = false;

  let first = true;
  function set(next: ReplicaStatus) {
    if (first ? !next.healthy : next.healthy !== state.healthy) {
      log(next.healthy ? `只读副本已恢复（延迟 ${next.lagMs ?? 0} 毫秒），公众页面改回读副本` : `只读副本不可用（${next.reason}），公众页面改读主库`);
    }
    first = false;
    state = next;
  }

  async function checkOnce(): Promise<ReplicaStatus> {
    const now = Date.now();
    try {
      // The primary first: what the replica has replayed is then compared with a position the
      // primary had already reached.
      const primaryRow = await withTimeout(opts.primary.$queryRaw<{ lsn: string }[]>`SELECT pg_current_wal_lsn()::text AS lsn`, 1500, "主库").catch(() => null);
      const sampled = parseLsn(primaryRow?.[0]?.lsn);
      if (sampled !== null) {
        samples.push({ at: now, lsn: sampled });
        // Replayed samples are dropped below; a stuck replica must not grow the list, but its
        // oldest unreached sample is what its lag is measured from, so that one stays.
        if (samples.length > 256) samples.splice(1, 1);
      }
      const [row] = await withTimeout(
        replica.$queryRaw<{ lsn: string | null; recovering: boolean }[]>`SELECT pg_last_wal_replay_lsn()::text AS lsn, pg_is_in_recovery() AS recovering`,
        1500,
        "只读副本",
      );
      if (!row) throw new Error("只读副本无应答");
      // Promoted (or pointed at a primary): nothing to lag behind.
      if (!row.recovering) return { healthy: true, lagMs: 0, reason: "不在恢复模式", checkedAt: Date.now() };
      const replayed = parseLsn(row.lsn);
      if (replayed === null) return { healthy: false, lagMs: null, reason: "尚未重放任何日志", checkedAt: Date.now() };
      while (samples.length > 0 && samples[0]!.lsn <= replayed) samples.shift();
      // With the primary unreachable no sample is added: the replica is judged by what it was
      // last known to lag behind, and keeps serving the public if it had caught up.
      const lagMs = lagFromSamples(samples, replayed, Date.now());
      return lagMs > maxLag
        ? { healthy: false, lagMs, reason: `延迟 ${lagMs} 毫秒，超过 ${maxLag} 毫秒`, checkedAt: Date.now() }
        : { healthy: true, lagMs, reason: "", checkedAt: Date.now() };
    } catch (error) {
      return { healthy: false, lagMs: null, reason: reasonOf(error), checkedAt: Date.now() };
    }
  }

  function check(): Promise<ReplicaStatus> {
    running ??= checkOnce()
      .then((next) => {
        if (!stopped) set(next);
        return state;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  }

  const timer = setInterval(() => void check(), every);
  timer.unref?.();
  void check();

  return {
    choose() {
      // A timer that has not run for a long while (a stalled process) proves nothing.
      const fresh = Date.now() - state.checkedAt <= Math.max(maxLag, 4 * every);
      return state.healthy && fresh ? { db: replica, replica: true } : { db: opts.primary, replica: false };
    },
    failed(error) {
      if (!state.healthy) return;
      set({ healthy: false, lagMs: null, reason: reasonOf(error), checkedAt: Date.now() });
    },
    status: () => state,
    check,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => undefined);
      await replica.$disconnect();
    },
  };
}

export function replicaMaxLagMs(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.MINGZHANG_REPLICA_MAX_LAG_MS);
  return Number.isFinite(n) && n > 0 ? n : DEFAULT_MAX_LAG_MS;
}

// One router per server process, like db().
const globalForReplica = globalThis as unknown as { mingzhangReplica?: ReplicaRouter | null };

/** The process's replica router, or null when DATABASE_REPLICA_URL is not set (primary only). */
export function replicaRouter(): ReplicaRouter | null {
  if (globalForReplica.mingzhangReplica === undefined) {
    const url = process.env.DATABASE_REPLICA_URL?.trim();
    globalForReplica.mingzhangReplica = url
      ? createReplicaRouter({
          primary: db(),
          replicaUrl: url,
          maxLagMs: replicaMaxLagMs(),
          log: (line) => process.stderr.write(`[明账] ${line}\n`),
        })
      : null;
  }
  return globalForReplica.mingzhangReplica;
}
