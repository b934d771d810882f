import { readdirSync } from "node:fs";
import path from "node:path";
import { defineConfig, type Project } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);

// Debian's chromium (installed by .ci/run); Playwright never downloads a browser here.
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

// E2E_ORDER=reverse (npm run test:e2e:reverse) runs the spec files last to first, to prove that
// none leans on what an earlier one left behind: each file is a project of its own, and each
// depends on the file after it, so Playwright must run them in that order. (A failing file
// stops the ones that depend on it; run the failing one alone to see why.)
function reversedSpecs(): Project[] {
  const files = readdirSync(path.join(__dirname, "e2e"))
    .filter((f) => f.endsWith(".spec.ts"))
    .sort()
    .reverse();
  return files.map((file, i) => ({ name: file, testMatch: file, dependencies: i === 0 ? [] : [files[i - 1]!] }));
}

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  ...(process.env.E2E_ORDER === "reverse" ? { projects: reversedSpecs() } : {}),
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"],
    },
  },
  // The app exactly as `npm start` runs it (production build), on its own fresh embedded
  // database under .data/e2e so that a developer's data is never touched.
  webServer: {
    command: "node lib/cli/e2e-server.cjs",
    url: `http://localhost:${PORT}/`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    // TRUST_PROXY: the tests stand in for a reverse proxy, each giving its requests their own
    // address as the last X-Forwarded-For hop (e2e/security-accounts.spec.ts).
    env: { PORT: String(PORT), E2E_PORT: String(PORT), TRUST_PROXY: "1" },
  },
});
