import { createDb, type Db } from "@/lib/db/connect";
import { prepareDatabase } from "@/lib/db/prepare";
import { openAppDatabase } from "@/lib/db/runtime";

/** Runs `work` against the app's database (DATABASE_URL, or the embedded one), prepared and closed after. */
export async function withDatabase<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const database = await openAppDatabase(() => undefined);
  try {
    await prepareDatabase(database.url, { demo: database.zeroConfig });
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
