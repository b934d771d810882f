import { buildCatalog, type Catalog, type EconomicSubject, type FunctionSubject } from "@/lib/catalog/catalog";
import type { Crosswalk } from "@/lib/catalog/crosswalk";
import type { Db } from "./client";

type Tx = Pick<Db, "functionSubject" | "economicSubject" | "subjectCrosswalk">;

// Every budget read needs its year's catalogue; reading and rebuilding ~140 subjects each time
// was a large part of a page's database time (bench/profile-database.ts). Catalogues change
// rarely (an admin import, which clears this in its own process); other processes (a CLI
// import) are seen within CACHE_TTL_MS.
const CACHE_TTL_MS = 60_000;
const cache = new Map<number, { at: number; catalog: Catalog | null }>();

export function forgetCatalogs() {
  cache.clear();
}

/** The subject catalogue of one year, or null when none is loaded for that year. */
export async function loadCatalog(db: Tx, year: number): Promise<Catalog | null> {
  const hit = cache.get(year);
  if (hit && hit.catalog && Date.now() - hit.at < CACHE_TTL_MS) return hit.catalog;
  const catalog = await readCatalog(db, year);
  // A missing catalogue is not cached: it is about to be loaded, typically.
  if (catalog) cache.set(year, { at: Date.now(), catalog });
  return catalog;
}

async function readCatalog(db: Tx, year: number): Promise<Catalog | null> {
  // Sequential: inside a transaction both would share one connection.
  const functions = await db.functionSubject.findMany({ where: { year }, orderBy: { code: "asc" } });
  const economics = await db.economicSubject.findMany({ where: { year }, orderBy: { code: "asc" } });
  if (functions.length === 0 && economics.length === 0) return null;
  return buildCatalog(
    year,
    functions.map((f) => ({
      code: f.code,
      name: f.name,
      level: f.level as FunctionSubject["level"],
      ...(f.parentCode ? { parent: f.parentCode } : {}),
    })),
    economics.map((e) => ({
      code: e.code,
      name: e.name,
      level: e.level as EconomicSubject["level"],
      category: e.category,
      ...(e.parentCode ? { parent: e.parentCode } : {}),
    })),
  );
}

/** Stores a year's catalogue, adding missing subjects and renaming changed ones; nothing is deleted. */
export async function storeCatalog(db: Tx, catalog: Catalog): Promise<{ functions: number; economics: number }> {
  forgetCatalogs();
  const functions = [...catalog.functions.values()];
  const economics = [...catalog.economics.values()];
  for (const f of functions) {
    await db.functionSubject.upsert({
      where: { year_code: { year: catalog.year, code: f.code } },
      create: { year: catalog.year, code: f.code, name: f.name, level: f.level, parentCode: f.parent ?? null },
      update: { name: f.name, level: f.level, parentCode: f.parent ?? null },
    });
  }
  for (const e of economics) {
    await db.economicSubject.upsert({
      where: { year_code: { year: catalog.year, code: e.code } },
      create: { year: catalog.year, code: e.code, name: e.name, level: e.level, category: e.category, parentCode: e.parent ?? null },
      update: { name: e.name, level: e.level, category: e.category, parentCode: e.parent ?? null },
    });
  }
  return { functions: functions.length, economics: economics.length };
}

/** Function-code crosswalk from `fromYear` to the following year. */
export async function loadCrosswalk(db: Tx, fromYear: number, toYear: number): Promise<Crosswalk> {
  const rows = await db.subjectCrosswalk.findMany({ where: { kind: "function", fromYear, toYear } });
  return Object.fromEntries(rows.map((r) => [r.fromCode, r.toCode]));
}

/** Stores year-to-year crosswalk entries (`fromYear` code → `toYear` code), replacing a changed target. */
export async function storeCrosswalk(
  db: Tx,
  fromYear: number,
  toYear: number,
  entries: readonly { kind: "function" | "economic"; fromCode: string; toCode: string }[],
): Promise<number> {
  for (const e of entries) {
    await db.subjectCrosswalk.upsert({
      where: { kind_fromYear_fromCode_toYear: { kind: e.kind, fromYear, fromCode: e.fromCode, toYear } },
      create: { kind: e.kind, fromYear, fromCode: e.fromCode, toYear, toCode: e.toCode },
      update: { toCode: e.toCode },
    });
  }
  return entries.length;
}
