/**
 * `npm run db:backup [-- <file>]` and `npm run db:restore -- <file> [--force]`: the app's database
 * (DATABASE_URL, or the embedded one under .data/) to and from a pg_dump file.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { backupDatabase, BackupError, restoreDatabase } from "@/lib/db/backup";
import { migrate } from "@/lib/db/migrate";
import { APP_DATA_DIR, openAppDatabase } from "@/lib/db/runtime";
import { exitAfterFlush } from "./exit";

const USAGE = "用法：npm run db:backup [-- <备份文件>]\n      npm run db:restore -- <备份文件> [--force]\n";

function defaultBackupFile(): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "");
  return path.join(APP_DATA_DIR, "backups", `mingzhang-${stamp}.dump`);
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const force = rest.includes("--force");
  const unknown = rest.filter((a) => a.startsWith("--") && a !== "--force");
  const files = rest.filter((a) => !a.startsWith("--"));
  if ((command !== "backup" && command !== "restore") || unknown.length > 0 || files.length > 1 || (command === "restore" && files.length !== 1)) {
    process.stderr.write(USAGE);
    return 1;
  }
  // Opened without preparing it: a restore target must stay empty until the dump is in.
  const database = await openAppDatabase(() => undefined);
  try {
    if (command === "backup") {
      const file = path.resolve(files[0] ?? defaultBackupFile());
      mkdirSync(path.dirname(file), { recursive: true });
      await backupDatabase(database.url, file);
      process.stdout.write(`已备份到 ${file}\n`);
    } else {
      const file = path.resolve(files[0]!);
      await restoreDatabase(database.url, file, { force });
      // A backup from an older version of 明账 is brought up to the current schema.
      await migrate(database.url, () => undefined);
      process.stdout.write(`已从 ${file} 恢复\n`);
    }
    return 0;
  } catch (error) {
    if (error instanceof BackupError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await database.stop();
  }
}

main(process.argv.slice(2))
  .then((code) => exitAfterFlush(code))
  .catch((error: unknown) => {
    process.stderr.write(`失败：${error instanceof Error ? error.message : String(error)}\n`);
    exitAfterFlush(1);
  });
