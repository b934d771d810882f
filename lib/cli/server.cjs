// The production server: Next's own request handler (the custom-server API, `next({ dev: false })`)
// behind a front door that answers the public budget page from its stored bytes before Next's
// router (lib/public/static-page/front-door.ts, handed over by instrumentation.ts at start). Run
// by `npm start` (lib/cli/start.ts), hence the e2e and bench servers, and the cluster harness.
//   node lib/cli/server.cjs [-p <port>] [-H <hostname>]        (defaults: $PORT or 3000, every interface)
// It does what `next start` does for a production server: one process, SIGINT/SIGTERM stop
// accepting, finish what is in flight, close Next, exit.
const http = require("node:http");
const path = require("node:path");
const v8 = require("node:v8");

// How far V8 lets the old generation grow past what survived its last full collection before
// collecting again. Under load each request leaves garbage that outlives the young generation
// and is promoted (measured under 50 connections on Next's own /_next/static/ files: the old
// space climbs 60 → 203 MB in 20 s, and the next full collection leaves 98 MB); on a machine with
// memory to spare V8 grows that limit by up to 4× the survivors, so the server's RSS went 294 →
// 440–560 MB on garbage alone. A fixed 1.5× collects it sooner (old space ≤ 100 MB in the same
// load) at no measured cost to the rate: the survivors are ~100 MB, marked concurrently. A larger
// young generation does not help (64 MB semi-spaces: old space still 151 MB, young 128 MB).
// Set here rather than on node's command line because every launcher runs this file (npm start,
// the e2e and bench servers, the cluster harness, Docker) and NODE_OPTIONS refuses this flag; V8
// reads it at each full collection. An operator's own `node --heap-growing-percent=…` wins.
if (!process.execArgv.some((a) => a.startsWith("--heap-growing-percent"))) v8.setFlagsFromString("--heap-growing-percent=50");

const root = path.join(__dirname, "..", "..");
const START_TIMEOUT_MS = 120_000;

function option(short, long) {
  const args = process.argv.slice(2);
  const i = args.findIndex((a) => a === short || a === long);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main() {
  process.title = "mingzhang-server";
  process.env.NODE_ENV = "production";
  // `next start` sets this (next/dist/bin/next); instrumentation.ts runs its start only under it.
  process.env.NEXT_RUNTIME = "nodejs";
  const port = Number(option("-p", "--port") ?? process.env.PORT ?? 3000);
  const hostname = option("-H", "--hostname");
  // instrumentation.ts opens the front door (lib/server/front-door.ts) among the rest of the start.
  const opened = new Promise((resolve) => (globalThis.mingzhangOnFrontDoor = resolve));
  const next = require("next");
  const app = next({ dev: false, dir: root, port, ...(hostname ? { hostname } : {}) });
  const handle = app.getRequestHandler();
  // In production Next's prepare() sets up the router and starts its server's own preparation
  // (instrumentation included) without waiting for it: the server listens once the door is open.
  await app.prepare();
  let timer;
  const front = await Promise.race([
    opened,
    new Promise((_, reject) => {
      // Without it instrumentation.ts has not run, nor the rest of the start (the configuration
      // check, the cache listener, the job runner).
      timer = setTimeout(() => reject(new Error("instrumentation.ts 未运行（未找到公开页面的前置处理）")), START_TIMEOUT_MS);
    }),
  ]);
  clearTimeout(timer);

  const toNext = (req, res) =>
    handle(req, res).catch((error) => {
      process.stderr.write(`[明账] ${req.method} ${req.url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  const server = http.createServer((req, res) => {
    const answered = front(req, res);
    if (answered === false) return void toNext(req, res);
    answered.then(
      (done) => done || toNext(req, res),
      () => toNext(req, res),
    );
  });
  server.on("error", (error) => {
    process.stderr.write(`[明账] 服务器无法监听端口 ${port}：${error.message}\n`);
    process.exit(1);
  });
  server.listen(port, hostname, () => {
    const shown = !hostname || hostname === "0.0.0.0" ? "localhost" : hostname;
    // As `next start` sets them (Next reads the origin when it forwards a server action).
    process.env.PORT = String(port);
    process.env.__NEXT_PRIVATE_ORIGIN = `http://${shown}:${port}`;
    process.stdout.write(`[明账] 服务器已就绪：http://${shown}:${port}\n`);
  });

  let stopping = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    server.close(() => {
      app
        .close()
        .catch(() => undefined)
        .finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
    });
    // Idle keep-alive connections would hold close() open.
    server.closeIdleConnections();
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error) => {
  process.stderr.write(`[明账] 启动失败：${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
