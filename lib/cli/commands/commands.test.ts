import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fixturesDir, loadFixtures } from "@/test/support/budget/fixtures";
import { run as check } from "./check";
import { run as narrative } from "./narrative";
import { run as rules } from "./rules";
import { run as tables } from "./tables";

async function call(command: typeof tables, args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await command(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

const dir = mkdtempSync(path.join(tmpdir(), "mingzhang-cli-"));
function file(name: string, text: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}

const [fixture] = loadFixtures();
const fixtureFile = path.join(fixturesDir(), `${fixture!.name}.package.json`);

describe("budget tables / narrative / check", () => {
  it("tables prints the tables JSON and nothing else", async () => {
    const r = await call(tables, [fixtureFile]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    const printed = JSON.parse(r.stdout);
    if (fixture!.expected?.T1) expect(printed.T1).toEqual(fixture!.expected.T1);
  });

  it("narrative prints the Markdown", async () => {
    const r = await call(narrative, [fixtureFile]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toMatch(/^# /);
    expect(r.stdout).toContain("部门预算公开联系人");
  });

  it("check prints the findings and succeeds without errors", async () => {
    const r = await call(check, [fixtureFile]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    const { findings } = JSON.parse(r.stdout);
    expect(Array.isArray(findings)).toBe(true);
    for (const f of findings) expect(Object.keys(f).sort()).toEqual(["field", "message", "path", "rule", "severity"]);
  });

  it("check names the field of each finding in Chinese", async () => {
    const pkg = JSON.parse(fixture!.text);
    pkg.narrative.basicUsage = "主要用于工资 1200 万元，其中津贴 35000 元";
    const r = await call(check, [file("mixed-units.json", JSON.stringify(pkg))]);
    const { findings } = JSON.parse(r.stdout);
    expect(findings).toContainEqual(
      expect.objectContaining({ rule: "text.units-mixed", severity: "warning", path: "narrative.basicUsage", field: expect.stringContaining("基本支出") }),
    );
  });

  it("rules lists every rule with its severity and an example", async () => {
    const r = await call(rules, []);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toContain("text.reason-figures-match  [预算·提示]");
    expect(r.stdout).toContain("final.balance-fund  [决算·错误]");
    expect(r.stdout).toContain("例：");
    const json = JSON.parse((await call(rules, ["--json"])).stdout) as { rules: { id: string; example: unknown }[] };
    expect(json.rules.length).toBeGreaterThan(30);
    expect(json.rules.every((x) => x.example !== null)).toBe(true);
    expect((await call(rules, ["--nope"])).code).toBe(1);
  });

  it("check exits 1 when a rule reports an error", async () => {
    const pkg = JSON.parse(fixture!.text);
    pkg.income.generalBudget = "1.00";
    const r = await call(check, [file("unbalanced.json", JSON.stringify(pkg))]);
    expect(r.code).toBe(1);
    const { findings } = JSON.parse(r.stdout);
    expect(findings).toContainEqual(expect.objectContaining({ rule: "balance.fund", severity: "error", path: "income.generalBudget" }));
  });

  it("check names a code the year's catalogue lacks, and what the administrator must import", async () => {
    const pkg = JSON.parse(fixture!.text);
    pkg.basicExpenditure[0].function = "2999998";
    const r = await call(check, [file("missing-code.json", JSON.stringify(pkg))]);
    expect(r.code).toBe(1);
    const { findings } = JSON.parse(r.stdout);
    expect(findings).toContainEqual(
      expect.objectContaining({
        rule: "catalogue.function-code-valid",
        path: "basicExpenditure[0].function",
        message: expect.stringContaining(`${pkg.year} 年科目目录中没有 2999998，请管理员导入 ${pkg.year} 年完整科目目录`),
      }),
    );
  });

  const pkgWithout = (key: string) => {
    const pkg = JSON.parse(fixture!.text);
    delete pkg[key];
    return JSON.stringify(pkg);
  };
  it.each([
    ["missing file", () => path.join(dir, "nope.json"), "找不到文件"],
    ["not JSON", () => file("bad.json", "{not json"), "不是有效的 JSON"],
    ["wrong format tag", () => file("format.json", '{"format":"other/1"}'), "budget-package/1"],
    ["missing section", () => file("nounit.json", pkgWithout("unit")), "预算部门（unit）：缺少必填字段"],
    ["schema error", () => file("neg.json", fixture!.text.replace('"generalBudget": "2514.61"', '"generalBudget": "-2514.61"')), "金额不能为负数"],
    ["a directory", () => dir, "是目录"],
  ])("%s → exit 1, Chinese message on stderr, nothing on stdout", async (_name, make, fragment) => {
    for (const command of [tables, narrative, check]) {
      const r = await call(command, [make()]);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr).toContain(fragment);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it("dispatches a 决算 package (kind final) to the 决算 engine", async () => {
    const finalFile = path.join(fixturesDir(), "beibei-government-office-2020-final.package.json");
    const t = await call(tables, [finalFile]);
    expect(t).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(t.stdout).F1.income.grandTotal).toBe("1918.25");
    const n = await call(narrative, [finalFile]);
    expect(n.stdout).toContain("2020年度部门决算情况说明");
    const c = await call(check, [finalFile]);
    expect(c.code).toBe(0);
    const broken = JSON.parse(readFileSync(finalFile, "utf8"));
    broken.carryover.closing.generalBudget = "1";
    const b = await call(check, [file("final-unbalanced.json", JSON.stringify(broken))]);
    expect(b.code).toBe(1);
    expect(JSON.parse(b.stdout).findings).toContainEqual(expect.objectContaining({ rule: "final.balance-fund", path: "carryover.closing.generalBudget" }));
    broken.meetings = 1;
    const bad = await call(tables, [file("final-bad.json", JSON.stringify(broken))]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("不是有效的决算包");
    expect(bad.stderr).toContain("会议费（meetings）");
  });

  it("prints usage without a file argument", async () => {
    const r = await call(tables, []);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("用法");
  });
});
