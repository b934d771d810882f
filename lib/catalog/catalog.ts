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
  /**
   * Last year's catalogue, when loaded, with its function codes' 1:1 successors in this year:
   * a budget's 上年 figures use last year's codes (accepted when either year has them) and are
   * shown under the successor, or as their own row named from last year's catalogue.
   */
  previous?: PreviousCatalog;
}

export interface PreviousCatalog {
  year: number;
  functions: ReadonlyMap<string, FunctionSubject>;
  /** Last year's function code → its only successor this year (codes split in several are absent). */
  successors: Readonly<Record<string, string>>;
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

/** Level of a function code from its length (3/5/7 digits → 类/款/项), undefined otherwise. */
export function functionLevelOf(code: string): FunctionLevel | undefined {
  if (!/^\d+$/.test(code)) return undefined;
  return code.length === 3 ? 1 : code.length === 5 ? 2 : code.length === 7 ? 3 : undefined;
}

export function economicLevelOf(code: string): EconomicLevel | undefined {
  if (!/^\d+$/.test(code)) return undefined;
  return code.length === 3 ? 1 : code.length === 5 ? 2 : undefined;
}

/**
 * The category of an economic code, by its 类 (how data/catalogues assigns it): 301 and 303 are
 * 人员经费, 302 公用经费, 309/310 资本性支出, everything else other. Used when an imported
 * official list has no category column.
 */
export function economicCategoryOf(code: string): EconomicCategory {
  const cls = code.slice(0, 3);
  if (cls === "301" || cls === "303") return "personnel";
  if (cls === "302") return "public";
  if (cls === "309" || cls === "310") return "capital";
  return "other";
}

/**
 * What a department is told when its code is not in a year's catalogue: the code and the action,
 * since a partial catalogue (not a wrong code) is the usual cause.
 */
export function missingSubjectMessage(year: number, code: string): string {
  return `${year} 年科目目录中没有 ${code}，请管理员导入 ${year} 年完整科目目录`;
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

/**
 * Parses `code,name,level` (level 1 = 类, 2 = 款, 3 = 项); other columns (the shipped files'
 * `source`) are ignored. Throws CatalogParseError.
 */
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

/**
 * Name for a table row; "" when the (partial) catalogue lacks the code. A code only last year
 * had (a 上年 figure printed as published, e.g. 2010308 in a 2024 T2) is named from last year's
 * catalogue.
 */
export function functionName(catalog: Catalog, code: string): string {
  return catalog.functions.get(code)?.name ?? catalog.previous?.functions.get(code)?.name ?? "";
}

/**
 * A 上年 function code is valid when this year's or last year's catalogue has it as a 项; the
 * problem otherwise, naming the code and the catalogue(s) that lack it.
 */
export function priorFunctionProblem(catalog: Catalog, code: string): string | undefined {
  if (code.length !== 7) return `功能分类科目应为 7 位的“项”级编码，${code} 是 ${code.length} 位`;
  const subject = catalog.functions.get(code) ?? catalog.previous?.functions.get(code);
  if (subject?.level === 3) return undefined;
  if (subject) return `功能分类科目应填到“项”级（7 位），${code} ${subject.name} 不是项级`;
  const previousYear = catalog.year - 1;
  return catalog.previous
    ? `${catalog.year} 年和 ${previousYear} 年科目目录中都没有 ${code}，请管理员导入 ${previousYear} 年完整科目目录`
    : `${catalog.year} 年科目目录中没有 ${code}，且未导入 ${previousYear} 年科目目录；请管理员导入 ${previousYear} 年完整科目目录`;
}

/** Re-keys 上年 amounts by this year's 1:1 successors; other codes stay as published. */
export function priorCodeShown(catalog: Catalog, code: string): string {
  return catalog.previous?.successors[code] ?? code;
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
