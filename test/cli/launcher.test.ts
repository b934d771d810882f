import { afterAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { isAscii } from "node:buffer";
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fixturePackages } from "../helpers/fixtures";

const ROOT = path.resolve(__dirname, "../..");
// A bundle folder of this test's own: the repository's dist/cli is shared with other runs.
const dist = mkdtempSync(path.join(tmpdir(), "mingzhang-cli-dist-"));
const bundle = path.join(dist, "budget.cjs");
const inputs = path.join(dist, "budget.inputs.json");
afterAll(() => rmSync(dist, { recursive: true, force: true }));

/** `node lib/cli/launch.cjs budget …` from another working directory, building into `dist`. */
function launch(...args: string[]) {
  const result = spawnSync(process.execPath, [path.join(ROOT, "lib", "cli", "launch.cjs"), "budget", ...args], {
    cwd: tmpdir(),
    env: { ...process.env, MINGZHANG_CLI_DIST: dist },
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const buildOf = () => /^\/\/ build (\w+)/.exec(readFileSync(bundle, "utf8"))?.[1];

describe("lib/cli/launch.cjs", () => {
  it("builds the bundle when missing, reuses it while no source changed, and rebuilds when a source is newer", () => {
    const fixture = fixturePackages()[0]!;
    expect(existsSync(bundle)).toBe(false);
    const first = launch("check", fixture.file);
    expect(first.stderr).toBe("");
    expect(JSON.parse(first.stdout).findings).toBeInstanceOf(Array);
    const built = buildOf();
    expect(built).toBeTruthy();
    expect(JSON.parse(readFileSync(inputs, "utf8"))).toEqual(
      expect.arrayContaining(["lib/cli/budget.ts", "lib/cli/commands/check.ts", "lib/catalog/reference.ts"]),
    );
    // The first run after a build leaves V8's code cache for the next ones, named after its build.
    expect(readFileSync(`${bundle}.cache`).subarray(0, built!.length).toString()).toBe(built);

    expect(launch("rules").code).toBe(0);
    expect(buildOf()).toBe(built);

    // Every source is now newer than the bundle, as after an edit or a checkout.
    const past = new Date("2020-01-01T00:00:00Z");
    utimesSync(bundle, past, past);
    const again = launch("check", fixture.file);
    expect(again.stdout).toBe(first.stdout);
    expect(buildOf()).not.toBe(built);
  });

  // The launcher reads an all-ASCII bundle as Latin-1 (faster than UTF-8 in Node 20), any other as UTF-8.
  it("writes its bundles in ASCII, and still runs a bundle with UTF-8 text in it", () => {
    if (!existsSync(bundle)) launch("rules");
    for (const file of [bundle, path.join(dist, "vendor", "pdf.cjs"), path.join(dist, "vendor", "exceljs.cjs")]) {
      expect(isAscii(readFileSync(file))).toBe(true);
    }
    const rules = launch("rules");
    expect(rules.stdout).toMatch(/[\u4e00-\u9fff]/);
    // The same bundle with its escaped Chinese written out as UTF-8, as another builder might leave it.
    const escaped = readFileSync(bundle, "latin1");
    const raw = escaped.replace(/\\u(4[e-f][0-9a-f]{2}|[5-9][0-9a-f]{3})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    expect(raw).not.toBe(escaped);
    writeFileSync(bundle, raw);
    expect(launch("rules")).toEqual(rules);
  });

  it("rebuilds when a source it was built from is gone, and names a build failure in Chinese", () => {
    if (!existsSync(bundle)) launch("rules");
    const built = buildOf();
    writeFileSync(inputs, JSON.stringify(["lib/cli/no-such-file.ts"]));
    expect(launch("rules").code).toBe(0);
    expect(buildOf()).not.toBe(built);

    const broken = spawnSync(process.execPath, [path.join(ROOT, "lib", "cli", "launch.cjs"), "no-such-cli"], {
      env: { ...process.env, MINGZHANG_CLI_DIST: dist },
      encoding: "utf8",
    });
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/命令行编译失败（lib\/cli\/no-such-cli\.ts）/);
  });
});
