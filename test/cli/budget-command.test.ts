import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freshDatabase, type TestDatabase } from "../helpers/database";
import { fixturePackages } from "../helpers/fixtures";
import { loadFinalFixtures } from "@/test/support/final/fixtures";
import { normalizePackage } from "../helpers/normalize-package";

let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase();
});
afterAll(async () => t.drop());

/** Runs `npm run -s budget -- …` exactly as a user would, against the test database. */
function budget(...args: string[]) {
  const result = spawnSync("npm", ["run", "-s", "budget", "--", ...args], {
    cwd: path.resolve(__dirname, "../.."),
    env: { ...process.env, DATABASE_URL: t.url },
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run budget -- import / export", () => {
  it("imports a fixture and exports it back unchanged", () => {
    const fixture = fixturePackages()[0]!;
    const imported = budget("import", fixture.file);
    expect(imported.stderr).toBe("");
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/已导入预算/);
    const pkg = JSON.parse(fixture.text);
    const exported = budget("export", "--region", pkg.region.code, "--unit", pkg.unit.code, "--year", String(pkg.year));
    expect(exported.code).toBe(0);
    expect(normalizePackage(JSON.parse(exported.stdout))).toEqual(normalizePackage(pkg));
  });

  it("imports a 决算 package and exports it back with --kind final, identical", () => {
    const fixture = loadFinalFixtures()[0]!;
    const imported = budget("import", fixture.file);
    expect(imported.stderr).toBe("");
    expect(imported.stdout).toMatch(/已导入决算/);
    const pkg = JSON.parse(fixture.text);
    const args = ["--region", pkg.region.code, "--unit", pkg.unit.code, "--year", String(pkg.year)];
    const exported = budget("export", ...args, "--kind", "final");
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout)).toEqual(pkg);
    expect(budget("export", ...args).stderr).toMatch(/未找到预算/);
  });

  it("rejects bad input with exit code 1 and a Chinese message naming each path, storing nothing", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "mingzhang-cli-"));
    const pkg = JSON.parse(fixturePackages()[1]!.text);
    pkg.income.generalBudget = "-5";
    pkg.basicExpenditure[0].economic = "39999";
    pkg.extra = true;
    const file = path.join(dir, "bad.json");
    writeFileSync(file, JSON.stringify(pkg));
    const before = await t.db.budget.count();
    const result = budget("import", file);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/导入失败，未保存任何内容/);
    expect(result.stderr).toMatch(/\[income\.generalBudget\].*负/);
    expect(result.stderr).toMatch(/\[extra\]/);
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(await t.db.budget.count()).toBe(before);

    writeFileSync(file, "not json");
    const notJson = budget("import", file);
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toMatch(/不是有效的 JSON/);
  });

  it("answers an unknown budget and a missing file in Chinese", () => {
    const missing = budget("export", "--region", "500109", "--unit", "999", "--year", "2024");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/未找到预算/);
    const noFile = budget("import", "/nonexistent/package.json");
    expect(noFile.code).toBe(1);
    expect(noFile.stderr).toMatch(/无法读取文件/);
  });
});
