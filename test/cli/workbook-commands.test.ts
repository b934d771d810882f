import ExcelJS from "exceljs";
import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { packageToBudget } from "@/lib/budget/package/to-budget";
import { budgetToPackage } from "@/lib/budget/package/from-budget";
import { parsePackageJson } from "@/lib/budget/package/schema";
import { run as convert } from "@/lib/cli/commands/convert";
import { run as check } from "@/lib/cli/commands/check";
import { run as tables } from "@/lib/cli/commands/tables";
import { run as narrative } from "@/lib/cli/commands/narrative";
import { run as priorYear } from "@/lib/cli/commands/prior-year";
import { writeFileSync } from "node:fs";
import { buildTables } from "@/lib/budget/tables";
import { loadFixtures } from "@/test/support/budget/fixtures";
import { writeDisclosureWorkbook } from "@/lib/export/xlsx";
import { freshDatabase, type TestDatabase } from "../helpers/database";
import { fixturePackages } from "../helpers/fixtures";

const dir = mkdtempSync(path.join(tmpdir(), "mingzhang-xlsx-cli-"));
const fixture = fixturePackages()[0]!;
const pkg = JSON.parse(fixture.text);
const inYuan = (text: string) => {
  const parsed = parsePackageJson(text);
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  return budgetToPackage(packageToBudget(parsed.pkg), { unit: "元" });
};

async function call(command: typeof convert, args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await command(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

async function brokenWorkbook(from: string, to: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(from);
  const ws = wb.getWorksheet("基本支出")!;
  ws.getCell("E2").value = "一百";
  ws.getCell("E3").value = -3;
  ws.getCell("C4").value = "39999";
  await wb.xlsx.writeFile(to);
}

describe("budget convert / tables / narrative / check on a workbook", () => {
  const xlsx = path.join(dir, "entry.xlsx");
  beforeAll(async () => {
    const r = await call(convert, [fixture.file, xlsx]);
    expect(r).toMatchObject({ code: 0, stdout: "" });
  });

  it("converts a package to a workbook and back to the same package (in 元)", async () => {
    const back = path.join(dir, "back.json");
    const r = await call(convert, [xlsx, back]);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(back, "utf8"))).toEqual(inYuan(fixture.text));
  });

  it("tables and narrative read a workbook as they read the package", async () => {
    const fromJson = await call(tables, [fixture.file]);
    const fromXlsx = await call(tables, [xlsx]);
    expect(fromXlsx).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(fromXlsx.stdout)).toEqual(JSON.parse(fromJson.stdout));
    const n = await call(narrative, [xlsx]);
    expect(n.stdout).toBe((await call(narrative, [fixture.file])).stdout);
  });

  it("check reports a workbook's problems with their cell references and exits 1", async () => {
    const bad = path.join(dir, "bad.xlsx");
    await brokenWorkbook(xlsx, bad);
    const r = await call(check, [bad]);
    expect(r.code).toBe(1);
    const { findings } = JSON.parse(r.stdout);
    expect(findings.map((f: { cell: string }) => f.cell).sort()).toEqual(["基本支出!C4", "基本支出!E2", "基本支出!E3"]);
    expect(findings.map((f: { message: string }) => f.message).join("\n")).toContain("基本支出!E2（金额（元））：金额应填数字（元）");
    const t = await call(tables, [bad]);
    expect(t.code).toBe(1);
    expect(t.stderr).toContain("基本支出!E3（金额（元））：金额不能为负数");
  });

  it("prior-year fills 上年 of a first year from last year's published workbook, and refuses another year's", async () => {
    const f = loadFixtures().find((x) => x.pkg.year === 2023)!;
    const disclosure = path.join(dir, "published-2023.xlsx");
    writeFileSync(disclosure, await writeDisclosureWorkbook(buildTables(f.budget, f.catalog)));
    const next = { ...JSON.parse(f.text), year: 2024 };
    delete next.priorYear;
    const input = path.join(dir, "first-year-2024.json");
    writeFileSync(input, JSON.stringify(next));
    const out = path.join(dir, "with-prior.json");
    const r = await call(priorYear, [input, disclosure, out]);
    expect(r).toMatchObject({ code: 0, stdout: "" });
    const filled = JSON.parse(readFileSync(out, "utf8"));
    expect(filled.priorYear.basic).toBe(
      f.budget.basicExpenditure
        .filter((l) => l.fund === "generalBudget")
        .reduce((s, l) => s.plus(l.amount), new Decimal(0))
        .toFixed(2),
    );
    const wrongYear = await call(priorYear, [fixture.file.replace(/[^/]+$/, "beibei-government-services-2023.package.json"), disclosure, out]);
    expect(wrongYear.code).toBe(1);
    expect(wrongYear.stderr).toContain("应使用 2022 年的公开表");
  });

  it("refuses a wrong direction or file", async () => {
    expect((await call(convert, [fixture.file, path.join(dir, "x.json")])).stderr).toContain("输出文件应为 .xlsx");
    expect((await call(convert, [path.join(dir, "nope.json"), path.join(dir, "x.xlsx")])).stderr).toContain("无法读取文件");
    expect((await call(convert, [fixture.file])).stderr).toContain("用法");
  });
});

describe("npm run budget -- import / export with workbooks", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase();
  });
  afterAll(async () => t.drop());

  function budget(...args: string[]) {
    const result = spawnSync("npm", ["run", "-s", "budget", "--", ...args], {
      cwd: path.resolve(__dirname, "../.."),
      env: { ...process.env, DATABASE_URL: t.url },
      encoding: "utf8",
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  it("imports a workbook, exports it as a workbook, and reports progress and what was not stored for several files", async () => {
    const xlsx = path.join(dir, "import.xlsx");
    expect((await call(convert, [fixture.file, xlsx])).code).toBe(0);
    const bad = path.join(dir, "import-bad.xlsx");
    await brokenWorkbook(xlsx, bad);
    const other = fixturePackages()[1]!;
    const r = budget("import", xlsx, bad, other.file);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`[1/3] ${xlsx}：已导入预算`);
    expect(r.stdout).toContain(`[3/3] ${other.file}：已导入预算`);
    expect(r.stderr).toContain(`[2/3] ${bad}：导入失败，未保存任何内容。共 3 处问题`);
    expect(r.stderr).toContain("基本支出!E2");
    expect(r.stdout).toContain(`共 3 个文件：已导入 2 个，未导入 1 个（${bad}）`);

    const out = path.join(dir, "exported.xlsx");
    const e = budget("export", "--region", pkg.region.code, "--unit", pkg.unit.code, "--year", String(pkg.year), "--format", "xlsx", "--out", out);
    expect(e).toMatchObject({ code: 0 });
    const back = path.join(dir, "exported.json");
    expect((await call(convert, [out, back])).code).toBe(0);
    expect(JSON.parse(readFileSync(back, "utf8"))).toEqual(inYuan(fixture.text));
  });

  it("refuses an export format it does not know", () => {
    const r = budget("export", "--region", pkg.region.code, "--unit", pkg.unit.code, "--year", String(pkg.year), "--format", "csv");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("--format 只能是 json 或 xlsx");
  });
});
