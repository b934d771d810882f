/**
 * The production app server the HTTP measures run against: `lib/cli/e2e-server.cjs`, i.e.
 * `npm start` on a wiped demo database of its own (embedded PostgreSQL on its own port) with its
 * own build folder, so it never disturbs a developer's app or another checkout's tests. It is
 * started in its own process group, and stopped by signalling that group only.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { appendFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { REPO_ROOT } from "@/lib/db/runtime";
import { nowMs, progress, round } from "./stats";

export const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3400);
export const APP_PG_PORT = Number(process.env.BENCH_APP_PG_PORT ?? 54341);
export const APP_DIST_DIR = ".next-bench";
export const ORIGIN = `http://127.0.0.1:${APP_PORT}`;

export interface AppServer {
  pid: number;
  /** Seconds from spawning the start command to the first 200 of `/`. */
  startSeconds: number;
  /** True when this start had to build the production bundle first (not a cold start then). */
  built: boolean;
  /** When it built: seconds spent in `next build`, from the launcher's own log lines. */
  buildSeconds: number;
  output(): string;
  stop(): Promise<void>;
}

const BUILDING = "正在构建生产版本";
const LAUNCHED = "明账已启动";
/** The server's output, kept for a post-mortem (the suite prints only its own progress). */
export const SERVER_LOG = path.join(os.tmpdir(), `mingzhang-bench-server-${APP_PORT}.log`);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

async function sleep(ms: number) {
  await new Promise((r) => setTimeout(r, ms));
}

async function firstOk(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5_000), redirect: "manual" });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

/**
 * Starts the server and waits for its first 200. `timeoutMs` bounds the wait (a first start
 * builds the bundle, which takes minutes on 2 cores).
 */
export async function startAppServer(timeoutMs: number): Promise<AppServer> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(APP_PORT),
    E2E_PG_PORT: String(APP_PG_PORT),
    NEXT_DIST_DIR: APP_DIST_DIR,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  delete env.DATABASE_URL;
  const lines: string[] = [];
  writeFileSync(SERVER_LOG, "");
  const started = nowMs();
  const child: ChildProcess = spawn(process.execPath, [path.join(REPO_ROOT, "lib/cli/e2e-server.cjs")], {
    cwd: REPO_ROOT,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error("the app server did not start");
  let built = false;
  let buildStarted = 0;
  let launched = 0;
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) {
      if (line.trim() === "") continue;
      // start.ts logs this right after spawning the server, i.e. when the build (if any) is over.
      if (line.includes(LAUNCHED)) launched = nowMs();
      if (line.includes(BUILDING)) {
        built = true;
        buildStarted = nowMs();
        progress("building the production bundle into .next-bench (first run, or the sources changed) …");
      }
      lines.push(line);
      appendFileSync(SERVER_LOG, `${line}\n`);
      if (lines.length > 400) lines.shift();
    }
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  // Set from the exit event; an object so that the polling loop below reads the current value.
  const state: { exited: number | null } = { exited: null };
  child.on("exit", (code, signal) => {
    state.exited = code ?? -1;
    appendFileSync(SERVER_LOG, `[bench] launcher ${pid} exited at ${new Date().toISOString()} (code ${code}, signal ${signal})\n`);
  });

  const stop = async () => {
    if (groupAlive(pid)) {
      // The launcher forwards SIGTERM down to the server, whose exit stops the embedded PostgreSQL cleanly.
      try {
        process.kill(pid, "SIGTERM");
      } catch {
        /* already gone */
      }
      for (let i = 0; i < 100 && groupAlive(pid); i++) await sleep(200);
      if (groupAlive(pid)) {
        try {
          process.kill(-pid, "SIGKILL");
        } catch {
          /* already gone */
        }
        for (let i = 0; i < 25 && groupAlive(pid); i++) await sleep(200);
      }
    }
    rmSync(path.join(REPO_ROOT, `.data/e2e-${APP_PORT}`), { recursive: true, force: true });
  };

  try {
    for (;;) {
      if (state.exited !== null) throw new Error(`the app server exited (code ${state.exited}):\n${lines.slice(-30).join("\n")}`);
      if (nowMs() - started > timeoutMs) throw new Error(`no 200 from ${ORIGIN}/ within ${timeoutMs / 1000} s:\n${lines.slice(-30).join("\n")}`);
      if (await firstOk(`${ORIGIN}/`)) break;
      await sleep(built ? 1000 : 100);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  const buildSeconds = built && launched > buildStarted ? round((launched - buildStarted) / 1000, 2) : 0;
  return { pid, startSeconds: round((nowMs() - started) / 1000, 2), built, buildSeconds, output: () => lines.join("\n"), stop };
}

/** Every process below `root` (children, grandchildren, …), from /proc. */
function descendants(root: number): number[] {
  const parent = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The command name may contain spaces and parentheses; the fields after the last ")" are fixed.
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parent.set(Number(name), Number(fields[1]));
    } catch {
      /* exited meanwhile */
    }
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const p = queue.shift() as number;
    for (const [child, pp] of parent)
      if (pp === p) {
        out.push(child);
        queue.push(child);
      }
  }
  return out;
}

/** The pid of the app server the launcher started (lib/cli/server.cjs names its process mingzhang-server). */
export function nextServerPid(root: number): number | null {
  for (const pid of descendants(root)) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (cmd.startsWith("mingzhang-server") || cmd.startsWith("next-server")) return pid;
    } catch {
      /* exited */
    }
  }
  for (const pid of descendants(root)) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      if (cmd.some((a) => a.endsWith("lib/cli/server.cjs")) || (cmd.some((a) => a.endsWith("next/dist/bin/next")) && cmd.includes("start"))) return pid;
    } catch {
      /* exited */
    }
  }
  return null;
}

/** Resident and peak resident memory of a process, in MB. */
export function memoryOf(pid: number): { rssMb: number; hwmMb: number } | null {
  if (!alive(pid)) return null;
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN);
    return { rssMb: round(kb("VmRSS") / 1024, 1), hwmMb: round(kb("VmHWM") / 1024, 1) };
  } catch {
    return null;
  }
}
