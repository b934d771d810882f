/**
 * Opening a database connection, for every process: the app server (through client.ts), the CLI,
 * the benchmarks and the tests.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";

export type Db = PrismaClient;
export type { Prisma } from "@/generated/prisma/client";

/**
 * Connections each pool may open (node-postgres's default, 10, unless MINGZHANG_DB_POOL_MAX says
 * otherwise): with several app servers, their sum must stay under PostgreSQL's max_connections
 * (README, "Deployment").
 */
export function poolMax(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.MINGZHANG_DB_POOL_MAX);
  return Number.isInteger(n) && n > 0 ? n : 10;
}

// The pool under each client's adapter, for the few hot paths that send plain statements
// (the section save: issue 17 (5)) on the same connections instead of a second pool.
const pools = new WeakMap<PrismaClient, pg.Pool>();

export function createDb(url = process.env.DATABASE_URL): PrismaClient {
  if (!url) throw new Error("未设置 DATABASE_URL：请用 npm start 启动（会自动启动内置数据库），或设置 DATABASE_URL");
  const pool = new pg.Pool({ connectionString: url, max: poolMax() });
  // An idle connection's error (a restarted server) drops that connection, as in the adapter's
  // own pool; without a listener it would end the process before Prisma's first query adds one.
  pool.on("error", () => undefined);
  // Disposed with the client ($disconnect), as the adapter's own pool was.
  const db = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(db, pool);
  return db;
}

/** The pg pool Prisma's adapter runs on, when `db` was made by createDb. */
export function poolOf(db: PrismaClient): pg.Pool | undefined {
  const pool = pools.get(db);
  return pool && !pool.ending && !pool.ended ? pool : undefined;
}
