import path from "node:path";
import { startEmbeddedPostgres, type RunningPostgres } from "./embedded";

export const REPO_ROOT = path.resolve(__dirname, "../..");
export const APP_PG_PORT = Number(process.env.MINGZHANG_PG_PORT ?? 54329);
// Separate data directories let the e2e suite run its own server beside a developer's app.
export const APP_DATA_DIR = path.resolve(REPO_ROOT, process.env.MINGZHANG_DATA_DIR ?? ".data");

export interface AppDatabase extends RunningPostgres {
  /** True when no DATABASE_URL was given and 明账 runs its own embedded PostgreSQL (demo mode). */
  zeroConfig: boolean;
}

/**
 * The database the app uses: the server named by DATABASE_URL when set, else an embedded real
 * PostgreSQL whose files live under .data/ and are kept between runs.
 */
export async function openAppDatabase(log: (line: string) => void): Promise<AppDatabase> {
  const configured = process.env.DATABASE_URL;
  if (configured) return { url: configured, stop: async () => undefined, zeroConfig: false };
  const pg = await startEmbeddedPostgres({
    dataDir: path.join(APP_DATA_DIR, "pg"),
    port: APP_PG_PORT,
    database: "mingzhang",
    log,
  });
  return { ...pg, zeroConfig: true };
}
