/**
 * Runs once when the server starts (Next's instrumentation hook): refuses to start without the
 * configuration it needs (lib/server/startup-check.ts), and stamps every incoming request with
 * the address its sign-ins are counted against (lib/auth/client-address.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") (await import("./lib/server/on-start")).onStart();
}
