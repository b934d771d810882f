import { servePublicPage, type FrontDoor } from "@/lib/public/static-page/front-door";

// The names lib/cli/server.cjs uses. Next bundles this module (through instrumentation.ts) apart
// from the server that runs it, so the hand-over is a property of the process: the server sets
// the callback before Next prepares, and instrumentation runs (not awaited by Next's prepare()
// in production) some moments later.
const shared = globalThis as unknown as { mingzhangFrontDoor?: FrontDoor; mingzhangOnFrontDoor?: (door: FrontDoor) => void };

/** Hands the server (lib/cli/server.cjs) what it answers before Next's router. */
export function openFrontDoor(): void {
  shared.mingzhangFrontDoor = servePublicPage;
  shared.mingzhangOnFrontDoor?.(servePublicPage);
}
