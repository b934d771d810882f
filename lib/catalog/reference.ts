import { readFileSync } from "node:fs";
import path from "node:path";
import { buildCatalog, parseEconomicSubjectsCsv, parseFunctionSubjectsCsv, type Catalog } from "./catalog";

/**
 * The reference catalogues shipped in shared/reference (the only I/O of lib/catalog). They have
 * no year column — SOURCES.md: one partial list holding codes of 2023–2025 — so the same
 * subjects serve every year until per-year catalogues are loaded into the database.
 */
export function sharedDir(): string {
  return process.env.MINGZHANG_SHARED_DIR ?? path.resolve(process.cwd(), "..", "shared");
}

export function loadReferenceCatalog(year: number, dir: string = sharedDir()): Catalog {
  const read = (name: string) => readFileSync(path.join(dir, "reference", name), "utf8");
  return buildCatalog(
    year,
    parseFunctionSubjectsCsv(read("function-subjects.csv")),
    parseEconomicSubjectsCsv(read("economic-subjects.csv")),
  );
}
