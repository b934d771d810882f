import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "@/lib/db/runtime";

const INPUTS = ["app", "components", "lib", "generated", "next.config.mjs", "package.json", "tsconfig.json"];
const DIST_DIR = path.join(REPO_ROOT, process.env.NEXT_DIST_DIR || ".next");
const STAMP = path.join(DIST_DIR, "mingzhang-build-stamp");

export function nextBin() {
  return path.join(REPO_ROOT, "node_modules", "next", "dist", "bin", "next");
}

function walk(p: string, into: string[]) {
  if (!existsSync(p)) return;
  if (statSync(p).isDirectory()) {
    for (const name of readdirSync(p).sort()) if (!name.startsWith(".")) walk(path.join(p, name), into);
  } else into.push(p);
}

/** A hash of everything the production bundle is built from. */
export function sourceHash(): string {
  const files: string[] = [];
  for (const input of INPUTS) walk(path.join(REPO_ROOT, input), files);
  const hash = createHash("sha256");
  for (const f of files) {
    if (/\.test\.tsx?$/.test(f)) continue;
    hash.update(path.relative(REPO_ROOT, f)).update("\0").update(readFileSync(f)).update("\0");
  }
  return hash.digest("hex");
}

/** Builds with `next build` unless the last build was made from exactly these sources. */
export async function ensureProductionBuild(log: (line: string) => void) {
  const hash = sourceHash();
  const built = existsSync(path.join(DIST_DIR, "BUILD_ID")) && existsSync(STAMP) && readFileSync(STAMP, "utf8") === hash;
  if (built) return;
  log("正在构建生产版本（首次启动或代码有更新时需要，约需一两分钟）…");
  const result = spawnSync(process.execPath, [nextBin(), "build"], {
    cwd: REPO_ROOT,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("next build 失败");
  writeFileSync(STAMP, hash);
}
