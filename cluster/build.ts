/**
 * Builds the production bundle the cluster harness and its benchmark run (once; reused while the
 * sources are unchanged: lib/cli/build-stamp.ts), in a folder of its own so that it never races
 * a developer's `npm start` or the e2e suite's build.
 */
export const CLUSTER_DIST_DIR = process.env.NEXT_DIST_DIR || ".next-cluster";

export async function ensureClusterBuild(log: (line: string) => void): Promise<void> {
  process.env.NEXT_DIST_DIR = CLUSTER_DIST_DIR;
  const { ensureProductionBuild } = await import("@/lib/cli/build-stamp");
  await ensureProductionBuild(log);
}

if (require.main === module) {
  ensureClusterBuild((l) => process.stdout.write(`${l}\n`)).catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
