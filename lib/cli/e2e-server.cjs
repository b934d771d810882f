// Starts `npm start` for the end-to-end tests on a wiped database of their own (.data/e2e,
// embedded PostgreSQL on its own port), so every run begins from the demo data.
const { rmSync } = require("node:fs");
const { spawn } = require("node:child_process");
const path = require("node:path");

const root = path.join(__dirname, "..", "..");
const dataDir = `.data/e2e-${process.env.PORT || "3100"}`;
rmSync(path.join(root, dataDir), { recursive: true, force: true });
// Pages rendered for the previous run's database are cached on disk beside the build; a fresh
// database needs a fresh cache (a page published by one run would be served to the next).
rmSync(path.join(root, process.env.NEXT_DIST_DIR || ".next", "server", "route-cache"), { recursive: true, force: true });
const env = { ...process.env, MINGZHANG_DATA_DIR: dataDir, MINGZHANG_PG_PORT: process.env.E2E_PG_PORT || "54331" };
// The e2e server always runs zero-configuration: demo data on its own embedded database.
delete env.DATABASE_URL;
const child = spawn(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "lib/cli/start.ts"], {
  cwd: root,
  env,
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
