import pg from "pg";
import type { Db } from "@/lib/db/connect";
import { prepareDatabase } from "@/lib/db/prepare";
import { openAppDatabase } from "@/lib/db/runtime";

/** Runs `work` against the app's database (DATABASE_URL, or the embedded one), prepared and closed after. */
export async function withDatabase<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const database = await openAppDatabase(() => undefined);
  try {
    await prepareDatabase(database.url, { demo: database.zeroConfig });
    // Loaded here, not at the top: a command that needs only `pg` (withPg) never loads Prisma.
    const { createDb } = await import("@/lib/db/connect");
    const db = createDb(database.url);
    try {
      return await work(db);
    } finally {
      await db.$disconnect();
    }
  } finally {
    await database.stop();
  }
}

/**
 * As withDatabase, with one plain `pg` connection: for the commands whose queries are written in
 * SQL (the import), so that their process never loads Prisma's client and query compiler (issue 17).
 * `url` is the database's address, for a part that still needs Prisma (a 决算 package's import).
 */
export async function withPg<T>(work: (client: pg.Client, url: string) => Promise<T>): Promise<T> {
  const database = await openAppDatabase(() => undefined);
  try {
    await prepareDatabase(database.url, { demo: database.zeroConfig });
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return await work(client, database.url);
    } finally {
      await client.end();
    }
  } finally {
    await database.stop();
  }
}
