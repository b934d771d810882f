import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { run as convert } from "@/lib/cli/commands/convert";
import { run as check } from "@/lib/cli/commands/check";
import { run as tables } from "@/lib/cli/commands/tables";
import { packageToFinal } from "@/lib/final/model";
import { parseFinalPackageJson } from "@/lib/final/package/schema";
import { loadFinalFixtures } from "@/test/support/final/fixtures";

const dir = mkdtempSync(path.join(tmpdir(), "mingzhang-final-xlsx-cli-"));
const fixture = loadFinalFixtures()[0]!;

async function call(command: typeof convert, args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await command(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

describe("budget convert / tables / check on a 决算's workbook", () => {
  it("converts a 决算 package to its workbook and back to the same 决算; tables read the workbook; check names a bad cell", async () => {
    const xlsx = path.join(dir, "final.xlsx");
    expect(await call(convert, [fixture.file, xlsx])).toMatchObject({ code: 0, stderr: expect.stringContaining("决算录入工作簿") });
    const back = path.join(dir, "back.json");
    expect(await call(convert, [xlsx, back])).toMatchObject({ code: 0, stderr: expect.stringContaining("决算包") });
    const parsed = parseFinalPackageJson(readFileSync(back, "utf8"));
    if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
    expect(packageToFinal(parsed.pkg)).toEqual(fixture.final);

    const fromJson = await call(tables, [fixture.file]);
    const fromXlsx = await call(tables, [xlsx]);
    expect(fromXlsx.code).toBe(0);
    expect(fromXlsx.stdout).toBe(fromJson.stdout);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    wb.getWorksheet("基本支出")!.getCell("H2").value = "一百";
    const broken = path.join(dir, "broken.xlsx");
    await wb.xlsx.writeFile(broken);
    const r = await call(check, [broken]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).findings).toEqual([expect.objectContaining({ cell: "基本支出!H2" })]);
  });
});
