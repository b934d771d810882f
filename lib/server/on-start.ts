import { startupProblems } from "./startup-check";
import { startCacheInvalidation } from "./cache-invalidation";
import { stampClientAddress } from "./stamp-client-address";
import { startJobRunner } from "./job-runner";
import { openFrontDoor } from "./front-door";

/** What instrumentation.ts runs once in the Node.js server (kept out of the edge bundle). */
export function onStart(): void {
  const problems = startupProblems(process.env);
  if (problems.length > 0) {
    process.stderr.write(`[明账] 无法启动：\n${problems.map((p) => `  - ${p}`).join("\n")}\n`);
    process.exit(1);
  }
  stampClientAddress();
  // Other app servers behind the balancer announce publications and catalogue imports.
  startCacheInvalidation();
  // Long work users leave running (lib/jobs): every server takes its share of the queue.
  startJobRunner();
  // The public budget page from its stored bytes, before Next's router (lib/cli/server.cjs).
  openFrontDoor();
}
