import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fixturePackages } from "../helpers/fixtures";
import { loadFinalFixtures } from "@/test/support/final/fixtures";

const ROOT = path.resolve(__dirname, "../..");
const dir = mkdtempSync(path.join(tmpdir(), "mingzhang-disclosure-"));

/** The CLI as `npm run budget` starts it, but from outside the repository: fonts and data must not depend on the working directory. */
function budget(...args: string[]) {
  const result = spawnSync(process.execPath, [path.join(ROOT, "lib", "cli", "launch.cjs"), "budget", ...args], { cwd: dir, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("budget disclosure", () => {
  it("writes the PDF and the Excel of a budget package and of a 决算 package, without a database", () => {
    const packages = [fixturePackages()[0]!.file, loadFinalFixtures()[0]!.file];
    for (const [i, file] of packages.entries()) {
      const pdf = budget("disclosure", file, "--out", path.join(dir, `${i}.pdf`), "--date", "2024-02-05");
      expect(pdf.stderr).toBe("");
      expect(pdf.code).toBe(0);
      expect(
        readFileSync(path.join(dir, `${i}.pdf`))
          .subarray(0, 5)
          .toString(),
      ).toBe("%PDF-");
      const xlsx = budget("disclosure", file, "--out", path.join(dir, `${i}.xlsx`));
      expect(xlsx.code).toBe(0);
      expect(xlsx.stdout).toMatch(/已生成公开表 Excel/);
      expect([...readFileSync(path.join(dir, `${i}.xlsx`)).subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    }
  });

  it("answers a wrong output or date with the usage, in Chinese", () => {
    const file = fixturePackages()[0]!.file;
    const noOut = budget("disclosure", file);
    expect(noOut.code).toBe(1);
    expect(noOut.stderr).toMatch(/用法：budget disclosure/);
    expect(budget("disclosure", file, "--out", "x.doc").stderr).toMatch(/用法/);
    expect(budget("disclosure", file, "--out", "x.pdf", "--date", "2月5日").stderr).toMatch(/--date 应为公开日期/);
  });
});
