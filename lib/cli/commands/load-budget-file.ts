import { readFile } from "node:fs/promises";
import { packageToBudget, type Budget } from "@/lib/budget/model";
import { parsePackageJson, parsePackageValue, readPackageText, type PackageError } from "@/lib/budget/package/schema";
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
  try {
    return await readFile(file, "utf8");
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

export type LoadedPackage =
  | { kind: "budget"; budget: Budget; catalog: Catalog }
  | { kind: "final"; final: FinalAccounts; catalog: Catalog };

/** Reads a package file of either kind (部门预算 or 部门决算, by its `kind`) with the catalogue of its year. */
export async function loadPackageFile(args: readonly string[], usage: string): Promise<LoadedPackage> {
  const file = args.find((a) => !a.startsWith("-"));
  if (file === undefined || args.length !== 1) throw new CommandError(`用法：${usage}`);
  const read = readPackageText(await readText(file));
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
