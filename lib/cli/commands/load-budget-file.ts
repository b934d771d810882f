import { readFile } from "node:fs/promises";
import { type Budget } from "@/lib/budget/model";
import { packageToBudget } from "@/lib/budget/package/to-budget";
import { parsePackageJson, parsePackageValue, readPackageText, type BudgetPackage, type PackageError } from "@/lib/budget/package/schema";
import { isWorkbookData, type WorkbookProblem } from "@/lib/workbook/sheet-reader";
import { readAnyEntryWorkbook } from "@/lib/workbook/read-any-workbook";
import type { FinalPackage } from "@/lib/final/package/schema";
import { packageKindOf, parseFinalPackageValue } from "@/lib/final/package/schema";
import { packageToFinal, type FinalAccounts } from "@/lib/final/model";
import { loadFinalCatalog } from "@/lib/final/catalog";
import { loadReferenceCatalog } from "@/lib/catalog/reference";
import type { Catalog } from "@/lib/catalog/catalog";

export interface CommandIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/** Expected failures carry a Chinese message for stderr; anything else is a bug. */
export class CommandError extends Error {}

async function readText(file: string): Promise<string> {
  return new TextDecoder().decode(await readBytes(file));
}

async function readBytes(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new CommandError(`找不到文件：${file}`);
    if (code === "EISDIR") throw new CommandError(`${file} 是目录，不是预算包文件`);
    if (code === "EACCES") throw new CommandError(`没有权限读取文件：${file}`);
    throw new CommandError(`无法读取文件 ${file}`);
  }
}

/** Reads, parses and converts a package file, and loads the catalogue of its year. */
export async function loadBudgetFile(args: readonly string[], usage: string): Promise<{ budget: Budget; catalog: Catalog }> {
  const file = args.find((a) => !a.startsWith("-"));
  if (file === undefined || args.length !== 1) throw new CommandError(`用法：${usage}`);
  const parsed = parsePackageJson(await readText(file));
  if (!parsed.ok) {
    throw new CommandError([`${file} 不是有效的预算包：`, ...parsed.errors.map((e) => `  ${e.message}`)].join("\n"));
  }
  const budget = packageToBudget(parsed.pkg);
  let catalog: Catalog;
  try {
    catalog = loadReferenceCatalog(budget.year);
  } catch (e) {
    const detail = e instanceof Error && /[\u4e00-\u9fff]/.test(e.message) ? `：${e.message}` : "（请检查 data/catalogues）";
    throw new CommandError(`无法读取科目表${detail}`);
  }
  return { budget, catalog };
}

function invalid(file: string, what: string, errors: PackageError[]): CommandError {
  return new CommandError([`${file} 不是有效的${what}：`, ...errors.map((e) => `  ${e.message}`)].join("\n"));
}

function catalogOf(load: () => Catalog): Catalog {
  try {
    return load();
  } catch (e) {
    const detail = e instanceof Error && /[\u4e00-\u9fff]/.test(e.message) ? `：${e.message}` : "（请检查 data/catalogues）";
    throw new CommandError(`无法读取科目表${detail}`);
  }
}

/** An entry workbook with problems: each names its sheet and cell. */
export class WorkbookInvalid extends CommandError {
  constructor(
    file: string,
    readonly problems: WorkbookProblem[],
  ) {
    super([`${file} 不是有效的录入工作簿（共 ${problems.length} 处问题）：`, ...problems.map((e) => `  ${e.message}`)].join("\n"));
  }
}

/** Reads an entry workbook (.xlsx) of a budget or a 决算 into its package through the schema (and, for a budget, the catalogue of its year). */
export async function loadWorkbookFile(
  file: string,
  data?: Uint8Array,
): Promise<
  | { kind: "budget"; pkg: BudgetPackage; cellOf: (path: string) => string | undefined }
  | { kind: "final"; pkg: FinalPackage; cellOf: (path: string) => string | undefined }
> {
  const read = await readAnyEntryWorkbook(data ?? (await readBytes(file)), { catalogFor: (year) => catalogOf(() => loadReferenceCatalog(year)) });
  if (!read.ok) throw new WorkbookInvalid(file, read.errors);
  return read.kind === "budget" ? { kind: "budget", pkg: read.pkg, cellOf: read.cellOf } : { kind: "final", pkg: read.pkg, cellOf: read.cellOf };
}

export type LoadedPackage =
  | { kind: "budget"; budget: Budget; catalog: Catalog; cellOf?: (path: string) => string | undefined }
  | { kind: "final"; final: FinalAccounts; catalog: Catalog; cellOf?: (path: string) => string | undefined };

/** Reads a package file of either kind (部门预算 or 部门决算, by its `kind`) with the catalogue of its year. */
export async function loadPackageFile(args: readonly string[], usage: string): Promise<LoadedPackage> {
  const file = args.find((a) => !a.startsWith("-"));
  if (file === undefined || args.length !== 1) throw new CommandError(`用法：${usage}`);
  const data = await readBytes(file);
  if (isWorkbookData(data)) {
    const read = await loadWorkbookFile(file, data);
    if (read.kind === "final") {
      const final = packageToFinal(read.pkg);
      return { kind: "final", final, catalog: catalogOf(() => loadFinalCatalog(final.year)), cellOf: read.cellOf };
    }
    const budget = packageToBudget(read.pkg);
    return { kind: "budget", budget, catalog: catalogOf(() => loadReferenceCatalog(budget.year)), cellOf: read.cellOf };
  }
  const read = readPackageText(new TextDecoder().decode(data));
  if (!read.ok) throw invalid(file, "预算包", read.errors);
  if (packageKindOf(read.value) === "final") {
    const parsed = parseFinalPackageValue(read.value);
    if (!parsed.ok) throw invalid(file, "决算包", parsed.errors);
    const final = packageToFinal(parsed.pkg);
    return { kind: "final", final, catalog: catalogOf(() => loadFinalCatalog(final.year)) };
  }
  const parsed = parsePackageValue(read.value);
  if (!parsed.ok) throw invalid(file, "预算包", parsed.errors);
  const budget = packageToBudget(parsed.pkg);
  return { kind: "budget", budget, catalog: catalogOf(() => loadReferenceCatalog(budget.year)) };
}

/** Runs a command body: expected failures → their message; anything else → one generic line, no stack. */
export async function runCommand(io: CommandIo, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof CommandError) io.stderr(`${e.message}\n`);
    else io.stderr(`内部错误：${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
