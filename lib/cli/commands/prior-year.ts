import { readFile, writeFile } from "node:fs/promises";
import { parsePackageJson } from "@/lib/budget/package/schema";
import { packageToBudget } from "@/lib/budget/package/to-budget";
import { budgetToPackage } from "@/lib/budget/package/from-budget";
import { priorYearFromDisclosureWorkbook } from "@/lib/workbook/read-disclosure-workbook";
import { CommandError, runCommand, type CommandIo } from "./load-budget-file";

const USAGE = "用法：npm run -s budget -- prior-year <预算包.json> <上年公开的部门预算.xlsx> <输出预算包.json>";

/**
 * `budget prior-year in.json last-year.xlsx out.json`: fills the 上年 figures of a first year in
 * 明账 from the disclosure workbook the department published last year (T1–T11 Excel).
 */
export async function run(args: string[], io: CommandIo): Promise<number> {
  return runCommand(io, async () => {
    const [input, disclosure, output] = args;
    if (args.length !== 3 || !input || !disclosure || !output) throw new CommandError(USAGE);
    const read = async (f: string) => {
      try {
        return await readFile(f);
      } catch {
        throw new CommandError(`无法读取文件：${f}`);
      }
    };
    const parsed = parsePackageJson((await read(input)).toString("utf8"));
    if (!parsed.ok) throw new CommandError([`${input} 不是有效的预算包：`, ...parsed.errors.map((e) => `  ${e.message}`)].join("\n"));
    const prior = await priorYearFromDisclosureWorkbook(await read(disclosure));
    if (!prior.ok) throw new CommandError([`${disclosure} 不能作为上年数据：`, ...prior.errors.map((e) => `  ${e.message}`)].join("\n"));
    if (prior.year !== null && prior.year !== parsed.pkg.year - 1) {
      throw new CommandError(`${disclosure} 是 ${prior.year} 年的公开表，预算包是 ${parsed.pkg.year} 年，应使用 ${parsed.pkg.year - 1} 年的公开表`);
    }
    const pkg = { ...budgetToPackage(packageToBudget(parsed.pkg), { unit: "元" }), priorYear: prior.priorYear };
    await writeFile(output, `${JSON.stringify(pkg, null, 2)}\n`);
    io.stderr(`已填入 ${prior.year ?? "上"} 年预算数：${output}\n`);
    return 0;
  });
}
