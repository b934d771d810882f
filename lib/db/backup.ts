import { spawn } from "node:child_process";
import pg from "pg";

/**
 * Backups with PostgreSQL's own tools: `pg_dump` in its custom format (compressed, restorable
 * table by table) and `pg_restore` into an empty database, in one transaction, so a failed
 * restore leaves the target as it was. Debian's pg_dump/pg_restore 15 match the embedded server.
 */

export class BackupError extends Error {}

/** Connection settings for the client tools, with the password in the environment, not in `ps`. */
function toolConnection(url: string): { args: string[]; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = "";
  return { args: ["--dbname", u.toString()], env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

function run(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      if (stderr.length < 20_000) stderr += chunk.toString("utf8");
    });
    child.on("error", (error: NodeJS.ErrnoException) => {
      reject(
        new BackupError(
          error.code === "ENOENT"
            ? `找不到 ${tool}：请安装 PostgreSQL 15 客户端（Debian: apt-get install postgresql-client）`
            : `${tool} 无法运行：${error.message}`,
        ),
      );
    });
    child.on("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new BackupError(`${tool} 失败（${signal ?? `退出码 ${code}`}）：${stderr.trim()}`));
    });
  });
}

/** Writes the whole database named by `url` to `file` (pg_dump custom format). */
export async function backupDatabase(url: string, file: string): Promise<void> {
  const { args, env } = toolConnection(url);
  await run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file", file, ...args], env);
}

/** Tables in the database's own schemas: zero means nothing can be overwritten. */
export async function countUserTables(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query<{ n: string }>(
      "select count(*)::text as n from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')",
    );
    return Number(r.rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

/**
 * Restores `file` into the database named by `url`. Refuses a database that already holds
 * tables unless `force` is given; with `force` the public schema is dropped first (everything in
 * it is lost, which is what the operator asked for).
 */
export async function restoreDatabase(url: string, file: string, opts: { force?: boolean } = {}): Promise<void> {
  // Read the dump's table of contents first: a missing or damaged file must not cost the
  // target its contents under --force.
  await run("pg_restore", ["--list", file], process.env).catch((error: unknown) => {
    throw new BackupError(`备份文件无法读取，未做任何改动：${error instanceof Error ? error.message : String(error)}`);
  });
  const tables = await countUserTables(url);
  if (tables > 0 && !opts.force) {
    throw new BackupError(`目标数据库不是空的（已有 ${tables} 张表），未做任何改动。请恢复到新建的空数据库，或加 --force 覆盖其全部内容`);
  }
  if (tables > 0) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query("drop schema public cascade");
      await client.query("create schema public");
    } finally {
      await client.end();
    }
  }
  const { args, env } = toolConnection(url);
  // --single-transaction: a dump that fails half way leaves nothing behind.
  await run("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", ...args, file], env);
}
