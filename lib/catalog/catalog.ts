/**
 * Subject catalogues (政府收支分类科目) of one year: 支出功能分类 (类 3 digits / 款 5 / 项 7) and
 * 部门预算支出经济分类 (类 3 digits / 款 5). Pure: parsing takes text, I/O lives in reference.ts.
 *
 * The parent of a subject is derived from its code prefix rather than stored, because that is
 * how the codes are built; a parent missing from a partial catalogue stays a code without a
 * name (the tables still show the row, a rule reports the missing name).
 */

export type FunctionLevel = 1 | 2 | 3;
export type EconomicLevel = 1 | 2;
export type EconomicCategory = "personnel" | "public" | "capital" | "other";

export interface FunctionSubject {
  code: string;
  name: string;
  level: FunctionLevel;
  /** 类 of a 款, 款 of a 项; undefined for a 类. */
  parent?: string;
}

export interface EconomicSubject {
  code: string;
  name: string;
  level: EconomicLevel;
  category: EconomicCategory;
  parent?: string;
}

export interface Catalog {
  year: number;
  functions: ReadonlyMap<string, FunctionSubject>;
  economics: ReadonlyMap<string, EconomicSubject>;
}

export class CatalogParseError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: string,
  ) {
    super(message);
    this.name = "CatalogParseError";
  }
}

const FUNCTION_CODE_LENGTH: Record<FunctionLevel, number> = { 1: 3, 2: 5, 3: 7 };
const ECONOMIC_CODE_LENGTH: Record<EconomicLevel, number> = { 1: 3, 2: 5 };
const CATEGORIES: readonly EconomicCategory[] = ["personnel", "public", "capital", "other"];

/** 类/款 code of a function or economic code: "2010301" → "20103" → "201". */
export function functionParentCode(code: string): string | undefined {
  if (code.length === 7) return code.slice(0, 5);
  if (code.length === 5) return code.slice(0, 3);
  return undefined;
}

export function economicParentCode(code: string): string | undefined {
  return code.length === 5 ? code.slice(0, 3) : undefined;
}

/** Splits simple CSV (the catalogues have no quoted commas); tolerates a BOM and CRLF. */
function rows(text: string): { line: number; cells: string[] }[] {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return clean
    .split(/\r?\n/)
    .map((raw, i) => ({ line: i + 1, cells: raw.split(",").map((c) => c.trim()) }))
    .filter((r) => r.cells.some((c) => c !== ""));
}

function header(all: { line: number; cells: string[] }[], expected: string[], what: string) {
  const first = all[0];
  if (!first) throw new CatalogParseError(`${what}：文件为空`, 1, "");
  for (const col of expected) {
    if (!first.cells.includes(col)) {
      throw new CatalogParseError(`${what}：第 1 行（表头）缺少列“${col}”`, 1, col);
    }
  }
  return (row: string[], col: string) => row[first.cells.indexOf(col)] ?? "";
}

function fail(what: string, line: number, column: string, message: string): never {
  throw new CatalogParseError(`${what}：第 ${line} 行“${column}”列${message}`, line, column);
}

/** Parses `code,name,level` (level 1 = 类, 2 = 款, 3 = 项). Throws CatalogParseError. */
export function parseFunctionSubjectsCsv(text: string): FunctionSubject[] {
  const what = "支出功能分类科目";
  const all = rows(text);
  const cell = header(all, ["code", "name", "level"], what);
  const seen = new Set<string>();
  return all.slice(1).map(({ line, cells }) => {
    const code = cell(cells, "code");
    const name = cell(cells, "name");
    const levelText = cell(cells, "level");
    if (!/^[123]$/.test(levelText)) fail(what, line, "level", `应为 1、2 或 3，实际为“${levelText}”`);
    const level = Number(levelText) as FunctionLevel;
    if (!/^\d+$/.test(code) || code.length !== FUNCTION_CODE_LENGTH[level]) {
      fail(what, line, "code", `应为 ${FUNCTION_CODE_LENGTH[level]} 位数字（第 ${level} 级），实际为“${code}”`);
    }
    if (name === "") fail(what, line, "name", "不能为空");
    if (seen.has(code)) fail(what, line, "code", `编码 ${code} 重复`);
    seen.add(code);
    const parent = functionParentCode(code);
    return { code, name, level, ...(parent ? { parent } : {}) };
  });
}

/** Parses `code,name,level,category` (level 1 = 类, 2 = 款). Throws CatalogParseError. */
export function parseEconomicSubjectsCsv(text: string): EconomicSubject[] {
  const what = "支出经济分类科目";
  const all = rows(text);
  const cell = header(all, ["code", "name", "level", "category"], what);
  const seen = new Set<string>();
  return all.slice(1).map(({ line, cells }) => {
    const code = cell(cells, "code");
    const name = cell(cells, "name");
    const levelText = cell(cells, "level");
    const category = cell(cells, "category");
    if (!/^[12]$/.test(levelText)) fail(what, line, "level", `应为 1 或 2，实际为“${levelText}”`);
    const level = Number(levelText) as EconomicLevel;
    if (!/^\d+$/.test(code) || code.length !== ECONOMIC_CODE_LENGTH[level]) {
      fail(what, line, "code", `应为 ${ECONOMIC_CODE_LENGTH[level]} 位数字（第 ${level} 级），实际为“${code}”`);
    }
    if (name === "") fail(what, line, "name", "不能为空");
    if (!(CATEGORIES as readonly string[]).includes(category)) {
      fail(what, line, "category", `应为 ${CATEGORIES.join("、")} 之一，实际为“${category}”`);
    }
    if (seen.has(code)) fail(what, line, "code", `编码 ${code} 重复`);
    seen.add(code);
    const parent = economicParentCode(code);
    return { code, name, level, category: category as EconomicCategory, ...(parent ? { parent } : {}) };
  });
}

export function buildCatalog(year: number, functions: FunctionSubject[], economics: EconomicSubject[]): Catalog {
  return {
    year,
    functions: new Map(functions.map((f) => [f.code, f])),
    economics: new Map(economics.map((e) => [e.code, e])),
  };
}

export function findFunction(catalog: Catalog, code: string): FunctionSubject | undefined {
  return catalog.functions.get(code);
}

export function findEconomic(catalog: Catalog, code: string): EconomicSubject | undefined {
  return catalog.economics.get(code);
}

/** Name for a table row; "" when the (partial) catalogue lacks the code. */
export function functionName(catalog: Catalog, code: string): string {
  return catalog.functions.get(code)?.name ?? "";
}

export function economicName(catalog: Catalog, code: string): string {
  return catalog.economics.get(code)?.name ?? "";
}

/** A 项 (7-digit, level 3) of the catalogue — the only level a budget line may use. */
export function isFunctionItem(catalog: Catalog, code: string): boolean {
  return catalog.functions.get(code)?.level === 3;
}

/** A 款 (5-digit, level 2) of the economic catalogue. */
export function isEconomicItem(catalog: Catalog, code: string): boolean {
  return catalog.economics.get(code)?.level === 2;
}

/** 人员经费 are 301 and 303 (spec: derived figures); everything else in 基本支出 is 公用经费. */
export function isPersonnelEconomic(code: string): boolean {
  return code.startsWith("301") || code.startsWith("303");
}
