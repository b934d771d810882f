/**
 * Runs once when the server starts (Next's instrumentation hook): refuses to start without the
 * configuration it needs (lib/server/startup-check.ts), and stamps every incoming request with
 * the address its sign-ins are counted against (lib/auth/client-address.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startupProblems } = await import("./lib/server/startup-check");
  const problems = startupProblems(process.env);
  if (problems.length > 0) {
    process.stderr.write(`[明账] 无法启动：\n${problems.map((p) => `  - ${p}`).join("\n")}\n`);
    process.exit(1);
  }
  const { stampClientAddress } = await import("./lib/server/stamp-client-address");
  stampClientAddress();
}
