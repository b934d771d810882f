/**
 * Opening a database connection, for every process: the app server (through client.ts), the CLI,
 * the benchmarks and the tests.
 */
import { PrismaPg } from "@prisma/adapter-pg";
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

export function createDb(url = process.env.DATABASE_URL): PrismaClient {
  if (!url) throw new Error("未设置 DATABASE_URL：请用 npm start 启动（会自动启动内置数据库），或设置 DATABASE_URL");
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: poolMax() }) });
}
