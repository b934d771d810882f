/**
 * `npm start`: the whole app on one command. Opens the database (embedded PostgreSQL under
 * .data/ unless DATABASE_URL is set), applies migrations, loads reference catalogues and — in
 * zero-configuration mode only — the demo data, builds the production bundle when the sources
 * changed since the last build, then runs the production server (lib/cli/server.cjs: Next behind
 * the front door that serves the public budget page from its stored bytes).
 */
import { spawn } from "node:child_process";
import { openAppDatabase } from "@/lib/db/runtime";
import { prepareDatabase } from "@/lib/db/prepare";
import path from "node:path";
import { REPO_ROOT } from "@/lib/db/runtime";
import { ensureProductionBuild } from "./build-stamp";
import { loadOrCreateSecret } from "./secret";

const log = (line: string) => process.stdout.write(`[明账] ${line.trimEnd()}\n`);

async function main() {
  const port = Number(process.env.PORT ?? 3000);
  const database = await openAppDatabase(() => undefined);
  log(database.zeroConfig ? `使用内置 PostgreSQL（数据保存在 .data/ 下）` : `使用 DATABASE_URL 指定的数据库`);
  await prepareDatabase(database.url, { demo: database.zeroConfig, log });
  await ensureProductionBuild(log);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? loadOrCreateSecret(),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const server = spawn(process.execPath, [path.join(REPO_ROOT, "lib", "cli", "server.cjs"), "-p", String(port)], { env, stdio: "inherit" });
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    server.kill(signal);
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  server.on("exit", async (code) => {
    await database.stop().catch(() => undefined);
    process.exit(code ?? 0);
  });
  log(`明账已启动：http://localhost:${port}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`[明账] 启动失败：${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
