// `prisma generate` without network: Prisma asks for a schema-engine binary it does not use for
// generation, and its download would fail offline, so any existing file stands in for it.
const { spawnSync } = require("node:child_process");
const path = require("node:path");

const cli = path.join(__dirname, "..", "..", "node_modules", "prisma", "build", "index.js");
const result = spawnSync(process.execPath, [cli, "generate"], {
  cwd: path.join(__dirname, "..", ".."),
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
process.exit(result.status ?? 1);
