import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { buildCatalog, parseEconomicSubjectsCsv, parseFunctionSubjectsCsv, type Catalog } from "./catalog";

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
  return [2023, 2024, 2025].filter((year) => existsSync(catalogueDir(year)));
}

/**
 * The shipped catalogue of one year (the only I/O of lib/catalog; see data/catalogues/SOURCES.md).
 * A budget year is prepared before 财政部 publishes its catalogue, so a later year starts from
 * the latest shipped one until an administrator imports the official list.
 */
export function loadReferenceCatalog(year: number): Catalog {
  const source = shippedCatalogueYears().filter((y) => y <= year).pop();
  if (source === undefined) throw new Error(`明账未附带 ${year} 年及以前的科目目录，请由管理员导入`);
  const read = (name: string) => readFileSync(path.join(catalogueDir(source), name), "utf8");
  return buildCatalog(
    year,
    parseFunctionSubjectsCsv(read("function-subjects.csv")),
    parseEconomicSubjectsCsv(read("economic-subjects.csv")),
  );
}
