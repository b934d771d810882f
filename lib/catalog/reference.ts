import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { buildCatalog, parseEconomicSubjectsCsv, parseFunctionSubjectsCsv, type Catalog } from "./catalog";
import { oneToOne, parseCrosswalkCsv, type CrosswalkEntry } from "./crosswalk";

/**
 * The data 明账 ships in its own repository (data/): the subject catalogues of each year and the
 * demo district's budgets. Resolved from this file, not the working directory, so the CLI, the
 * tests and `npm start` find it wherever they are started.
 */
export const DATA_DIR = path.resolve(__dirname, "..", "..", "data");

export function catalogueDir(year: number): string {
  return path.join(DATA_DIR, "catalogues", String(year));
}

/** Years whose catalogue ships with 明账 (data/catalogues/<year>/). */
export function shippedCatalogueYears(): number[] {
  const dir = path.join(DATA_DIR, "catalogues");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /^\d{4}$/.test(name) && existsSync(path.join(dir, name, "function-subjects.csv")))
    .map(Number)
    .sort((a, b) => a - b);
}

/** The shipped year whose files serve `year`: its own, else the latest earlier one. */
function sourceYear(year: number): number | undefined {
  return shippedCatalogueYears()
    .filter((y) => y <= year)
    .pop();
}

export function crosswalkFile(fromYear: number, toYear: number): string {
  return path.join(DATA_DIR, "catalogues", `crosswalk-${fromYear}-${toYear}.csv`);
}

/** The files that make up what is shipped for `year` (its catalogue and the crosswalk into it). */
export function shippedFiles(year: number): string[] {
  const source = sourceYear(year);
  if (source === undefined) return [];
  const files = [path.join(catalogueDir(source), "function-subjects.csv"), path.join(catalogueDir(source), "economic-subjects.csv")];
  const crosswalk = crosswalkFile(year - 1, year);
  return existsSync(crosswalk) ? [...files, crosswalk] : files;
}

/** Digest of the shipped files for `year`: the database reloads them when it changes. */
export function shippedDigest(year: number): string {
  const hash = createHash("sha256");
  for (const file of shippedFiles(year)) hash.update(path.basename(file)).update("\0").update(readFileSync(file)).update("\0");
  return hash.digest("hex").slice(0, 32);
}

/**
 * The shipped crosswalk from `fromYear` into `toYear` (data/catalogues/crosswalk-<from>-<to>.csv),
 * empty when none ships. A bad row is a bug in the shipped data, so it throws.
 */
export function loadReferenceCrosswalk(fromYear: number, toYear: number): CrosswalkEntry[] {
  const file = crosswalkFile(fromYear, toYear);
  if (!existsSync(file)) return [];
  const { rows, errors } = parseCrosswalkCsv(readFileSync(file, "utf8"));
  if (errors.length > 0) throw new Error(`${path.basename(file)}：${errors.join("；")}`);
  return rows;
}

/** One year's shipped catalogue alone (no previous year). */
export function loadShippedCatalog(year: number): Catalog {
  const source = sourceYear(year);
  if (source === undefined) throw new Error(`明账未附带 ${year} 年及以前的科目目录，请由管理员导入`);
  const read = (name: string) => readFileSync(path.join(catalogueDir(source), name), "utf8");
  return buildCatalog(year, parseFunctionSubjectsCsv(read("function-subjects.csv")), parseEconomicSubjectsCsv(read("economic-subjects.csv")));
}

/**
 * The shipped catalogue of one year (the only I/O of lib/catalog; see data/catalogues/SOURCES.md),
 * with the year before and the crosswalk between them when those ship too. A budget year is
 * prepared before 财政部 publishes its catalogue, so a later year starts from the latest shipped
 * one until an administrator imports the official list.
 */
export function loadReferenceCatalog(year: number): Catalog {
  const catalog = loadShippedCatalog(year);
  if (sourceYear(year - 1) === undefined) return catalog;
  const previous = loadShippedCatalog(year - 1);
  return {
    ...catalog,
    previous: { year: year - 1, functions: previous.functions, successors: oneToOne(loadReferenceCrosswalk(year - 1, year)) },
  };
}
