/**
 * The benchmark's own PostgreSQL: an embedded server on its own port in a temporary data
 * directory (under os.tmpdir(), which the postgres user can reach when we run as root), or, when
 * DATABASE_URL is set, a database of our own on that server, dropped afterwards. Either way the
 * database starts empty, so a crashed earlier run can never leave data that changes the figures.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/db/embedded";

export const BENCH_PG_PORT = Number(process.env.BENCH_PG_PORT ?? 54340);
const DATABASE = "mingzhang_bench";

export interface BenchDatabase {
  url: string;
  /** "embedded PostgreSQL on 127.0.0.1:54340" or "DATABASE_URL server". */
  where: string;
  stop(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function recreate(adminUrl: string, database: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists ${client.escapeIdentifier(database)} with (force)`);
    await client.query(`create database ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

async function drop(adminUrl: string, database: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists ${client.escapeIdentifier(database)} with (force)`);
  } finally {
    await client.end();
  }
}

export async function openBenchDatabase(): Promise<BenchDatabase> {
  const configured = process.env.DATABASE_URL;
  if (configured) {
    const database = `${DATABASE}_${process.pid}`;
    await recreate(configured, database);
    return { url: withDatabase(configured, database), where: "DATABASE_URL server", stop: () => drop(configured, database) };
  }
  const root = mkdtempSync(path.join(os.tmpdir(), "mingzhang-bench-"));
  const server = await startEmbeddedPostgres({ dataDir: path.join(root, "pg"), port: BENCH_PG_PORT, database: DATABASE });
  const url = server.url;
  // A server already listening on the port (left by a crashed run) is reused: start from an empty database anyway.
  await recreate(withDatabase(url, "postgres"), DATABASE);
  return {
    url,
    where: `embedded PostgreSQL on 127.0.0.1:${BENCH_PG_PORT}`,
    stop: async () => {
      await server.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
