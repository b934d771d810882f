/**
 * Opening a database connection, for every process: the app server (through client.ts), the CLI,
 * the benchmarks and the tests.
 */
import { createHash } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "@/generated/prisma/client";

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

/**
 * A statement whose text starts with this comment runs as a named prepared statement on each
 * connection, whichever path sends it (Prisma's adapter or the pool itself): PostgreSQL then plans
 * it once per connection instead of on every call. Only for a few large statements of fixed text
 * (the engine's read: planning it took a third of its server time, bench/profile-engine.ts) — every
 * distinct text stays prepared on every connection for the connection's life.
 */
export const PREPARED = "/* prepared */";

const names = new Map<string, string>();

/** The prepared statement's name for a marked text (its hash: one text, one name), else undefined. */
export function preparedName(sql: string): string | undefined {
  if (!sql.startsWith(PREPARED)) return undefined;
  let name = names.get(sql);
  if (!name) {
    // A scope is a handful of shapes; the bound only guards against a caller marking free text.
    if (names.size > 500) names.clear();
    name = `mz_${createHash("sha1").update(sql).digest("hex").slice(0, 24)}`;
    names.set(sql, name);
  }
  return name;
}

// The pool under each client made here, for a statement that skips Prisma's raw-query path.
const pools = new WeakMap<object, pg.Pool>();

/**
 * The connection pool under `db` when `db` is a client made by prismaOnPool (not a transaction's
 * client, whose statements must run on the transaction's connection), while it is open.
 */
export function poolOf(db: object): pg.Pool | undefined {
  const pool = pools.get(db);
  return pool && !pool.ending && !pool.ended ? pool : undefined;
}

/**
 * The rows of a statement: on the pool under `db` when it has one (outside a transaction), as a
 * prepared statement when marked PREPARED; else through `db.$queryRaw` (a transaction's client,
 * whose statements must run on its connection). Prisma's raw-query path — its argument and
 * result conversion — cost about as much CPU as the driver's own work on the rows (issue 17).
 */
export async function queryRows<T>(db: Prisma.TransactionClient, statement: Prisma.Sql): Promise<T[]> {
  const pool = poolOf(db);
  if (!pool) return db.$queryRaw<T[]>(statement);
  const { rows } = await pool.query({ name: preparedName(statement.text), text: statement.text, values: statement.values });
  return rows as T[];
}

/** A Prisma client on a pool of its own that the same process may also query directly (poolOf). */
export function prismaOnPool(config: pg.PoolConfig): PrismaClient {
  const pool = new pg.Pool(config);
  // An idle connection the server ends (a restart, the end of a test's database) is dropped by the
  // pool, which then emits "error": the adapter listens only once Prisma has connected, and a read
  // may use the pool before, so without this the process would die of an unhandled event.
  pool.on("error", () => undefined);
  const db = new PrismaClient({
    adapter: new PrismaPg(pool, {
      disposeExternalPool: true,
      // Typed as always naming; undefined is what the adapter sends without a generator: unnamed.
      statementNameGenerator: (query) => preparedName(query.sql) as string,
    }),
  });
  pools.set(db, pool);
  return db;
}

export function createDb(url = process.env.DATABASE_URL): PrismaClient {
  if (!url) throw new Error("未设置 DATABASE_URL：请用 npm start 启动（会自动启动内置数据库），或设置 DATABASE_URL");
  return prismaOnPool({ connectionString: url, max: poolMax() });
}
