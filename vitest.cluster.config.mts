import { defineConfig } from "vitest/config";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(fileURLToPath(import.meta.url));
// "server-only" throws outside React's server build; the tests import server modules directly.
const alias = { "@": root, "server-only": path.join(root, "test/support/server-only.ts") };

// `npm run test:cluster`: 明账 as several processes (cluster/harness.ts). A tier of its own, not
// part of `vitest run`: it builds once and starts two PostgreSQL servers and two app servers.
export default defineConfig({
  resolve: { alias },
  test: {
    name: "cluster",
    include: ["test-cluster/**/*.test.ts"],
    environment: "node",
    testTimeout: 120_000,
    hookTimeout: 1_200_000,
    fileParallelism: false,
  },
});
