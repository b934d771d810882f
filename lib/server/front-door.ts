import { servePublicPage, type FrontDoor } from "@/lib/public/static-page/front-door";

// The name lib/cli/server.cjs looks up. Next bundles this module (through instrumentation.ts)
// apart from the server that runs it, so the hand-over is a property of the process.
const shared = globalThis as unknown as { mingzhangFrontDoor?: FrontDoor };

/** Hands the server (lib/cli/server.cjs) what it answers before Next's router. */
export function openFrontDoor(): void {
  shared.mingzhangFrontDoor = servePublicPage;
}
