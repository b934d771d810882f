import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";

export type Db = PrismaClient;
export type { Prisma } from "@/generated/prisma/client";

export function createDb(url = process.env.DATABASE_URL): PrismaClient {
  if (!url) throw new Error("未设置 DATABASE_URL：请用 npm start 启动（会自动启动内置数据库），或设置 DATABASE_URL");
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
}

// One client per server process; Next's dev reloads would otherwise open a pool per reload.
const globalForDb = globalThis as unknown as { mingzhangDb?: PrismaClient };

export function db(): PrismaClient {
  globalForDb.mingzhangDb ??= createDb();
  return globalForDb.mingzhangDb;
}
