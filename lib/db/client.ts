import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { createDb } from "./connect";

export type { Db, Prisma } from "./connect";

// One client per server process; Next's dev reloads would otherwise open a pool per reload.
const globalForDb = globalThis as unknown as { mingzhangDb?: PrismaClient };

export function db(): PrismaClient {
  globalForDb.mingzhangDb ??= createDb();
  return globalForDb.mingzhangDb;
}
