import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { prepareDatabase } from "@/lib/db/prepare";
import { REPO_ROOT } from "@/lib/db/runtime";
import { startBalancer, type Balancer } from "./balancer";
import { CLUSTER_DIST_DIR, ensureClusterBuild } from "./build";
import { startPostgresPair, waitForReplay, type PostgresPair } from "./postgres-pair";

/**
 * 明账 as a cluster on this machine, without Docker: a PostgreSQL primary and its streaming
 * replica, several production servers (lib/cli/server.cjs) of one build, and the balancer in front.
 * Everything listens on 127.0.0.1 only; every wait is bounded.
 */
export interface AppServer {
  port: number;
  pid: number | undefined;
  readonly exited: boolean;
  /** What the server wrote to stdout and stderr. */
  output: string[];
  /** Ends it at once, as a crash would (SIGKILL), and waits until it is gone. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export interface Cluster {
  db: PostgresPair;
  apps: AppServer[];
  balancer: Balancer;
  /** The balancer's address: what the public and the users are sent to. */
  url: string;
  /** The id of a server action by its file and exported name (from the build's manifest). */
  actionId(file: string, exportedName: string): string;
  stop(): Promise<void>;
}

/** The production server `npm start` runs (Next behind the public page's front door). */
function serverScript() {
  return path.join(REPO_ROOT, "lib", "cli", "server.cjs");
}

async function waitUntilAnswering(port: number, child: AppServer, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (let i = 0; i < 1000 && Date.now() < deadline; i++) {
    if (child.exited) throw new Error(`应用服务器（端口 ${port}）启动失败：\n${child.output.join("").slice(-2000)}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/open/budgets`, { signal: AbortSignal.timeout(10_000) });
      if (res.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`应用服务器（端口 ${port}）${timeoutMs} 毫秒内未就绪`);
}

export function startAppServer(port: number, env: NodeJS.ProcessEnv, timeoutMs = 180_000): Promise<AppServer> {
  const output: string[] = [];
  const child: ChildProcess = spawn(process.execPath, [serverScript(), "-p", String(port), "-H", "127.0.0.1"], {
    cwd: REPO_ROOT,
    env: { ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: CLUSTER_DIST_DIR },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (c: Buffer) => output.push(c.toString("utf8")));
  child.stderr!.on("data", (c: Buffer) => output.push(c.toString("utf8")));
  let exited = false;
  const gone = new Promise<void>((r) => child.once("exit", () => ((exited = true), r())));
  const server: AppServer = {
    port,
    pid: child.pid,
    output,
    get exited() {
      return exited;
    },
    async kill() {
      if (!exited) child.kill("SIGKILL");
      await gone;
    },
    async stop() {
      if (exited) return;
      child.kill("SIGTERM");
      const t = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await gone;
      clearTimeout(t);
    },
  };
  return waitUntilAnswering(port, server, timeoutMs).then(
    () => server,
    async (e: unknown) => {
      await server.kill();
      throw e;
    },
  );
}

export async function startCluster(opts: {
  dir: string;
  primaryPort: number;
  replicaPort: number;
  appPorts: number[];
  balancerPort: number;
  /** false: the app servers are not told about the replica (primary only). */
  useReplica?: boolean;
  env?: Record<string, string>;
  log?: (line: string) => void;
}): Promise<Cluster> {
  const log = opts.log ?? (() => undefined);
  await ensureClusterBuild(log);
  const db = await startPostgresPair({ dir: opts.dir, primaryPort: opts.primaryPort, replicaPort: opts.replicaPort, database: "mingzhang" });
  const apps: AppServer[] = [];
  let balancer: Balancer | undefined;
  const stop = async () => {
    await balancer?.close();
    await Promise.all(apps.map((a) => a.stop()));
    await db.stop();
  };
  try {
    await prepareDatabase(db.primaryUrl, { demo: true, log });
    await waitForReplay(db.primaryUrl, db.replicaUrl);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: db.primaryUrl,
      ...(opts.useReplica === false ? {} : { DATABASE_REPLICA_URL: db.replicaUrl }),
      NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
      // One public address for every server: the balancer's.
      NEXTAUTH_URL: `http://127.0.0.1:${opts.balancerPort}`,
      TRUST_PROXY: "1",
      ...opts.env,
    };
    delete env.PORT;
    // One at a time: two app servers warming up at once on two cores only slow each other down.
    for (const port of opts.appPorts) apps.push(await startAppServer(port, env));
    balancer = await startBalancer({ port: opts.balancerPort, upstreams: opts.appPorts });
  } catch (error) {
    await stop();
    throw error;
  }
  const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, CLUSTER_DIST_DIR, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  return {
    db,
    apps,
    balancer,
    url: `http://127.0.0.1:${opts.balancerPort}`,
    actionId(file, exportedName) {
      const found = Object.entries(manifest.node).find(([, v]) => v.filename === file && v.exportedName === exportedName);
      if (!found) throw new Error(`构建中没有服务器动作 ${file}#${exportedName}`);
      return found[0];
    },
    stop,
  };
}
