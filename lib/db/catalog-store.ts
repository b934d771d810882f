import type { Catalog, FunctionSubject } from "@/lib/catalog/catalog";
import { catalogOfRows, functionOfRow } from "@/lib/catalog/catalog-of-rows";
import { oneToOne, type Crosswalk, type CrosswalkEntry } from "@/lib/catalog/crosswalk";
import { announce } from "./cache-events";
import type { Db } from "./client";

export type Tx = Pick<Db, "functionSubject" | "economicSubject" | "subjectCrosswalk" | "catalogRevision" | "$executeRaw">;

// Every budget read needs its year's catalogue; reading and rebuilding the subjects each time
// was a large part of a page's database time (bench/profile-database.ts). The cache is keyed by
// the revisions of the year and the year before (CatalogRevision, bumped by every store in the
// same transaction), so one small query tells whether an import — in this process or another,
// e.g. the CLI — changed either since.
//
// Behind a balancer each app server LISTENs for catalogue events (lib/db/cache-listener.ts);
// while that connection is up every import anywhere reaches forgetCatalogs, so a cached
// catalogue is used without the revision query. When it is down, or in a process that does not
// listen (the CLI, tests), the revision is checked on every read as before.
const cache = new Map<number, { stamp: string; catalog: Catalog }>();
let notified = false;
// Bumped by every forget: a read that began before one must not store what it read.
let generation = 0;

export function forgetCatalogs() {
  cache.clear();
  generation += 1;
}

/** Whether catalogue events are being received (set by the cache listener; forgets either way). */
export function trustCatalogEvents(on: boolean) {
  notified = on;
  forgetCatalogs();
}

async function stampOf(db: Tx, year: number): Promise<string> {
  const rows = await db.catalogRevision.findMany({ where: { year: { in: [year - 1, year] } }, select: { year: true, revision: true } });
  const rev = (y: number) => rows.find((r) => r.year === y)?.revision ?? 0;
  return `${rev(year - 1)}:${rev(year)}`;
}

/**
 * The subject catalogue of one year, or null when none is loaded for that year; with last year's
 * function subjects and the 1:1 crosswalk into this year when last year's catalogue is loaded
 * (what 上年 figures are checked and shown against).
 */
export async function loadCatalog(db: Tx, year: number): Promise<Catalog | null> {
  if (notified) {
    const hit = cache.get(year);
    if (hit) return hit.catalog;
  }
  const started = generation;
  return catalogAt(db, year, await stampOf(db, year), started);
}

/**
 * The catalogue of `year` as loadCatalog gives it, when the caller read its stamp already
 * (CATALOG_STAMP_SQL in its own statement: the section save, one round trip less).
 */
export async function loadCatalogStamped(db: Tx, year: number, stamp: string): Promise<Catalog | null> {
  return catalogAt(db, year, stamp, generation);
}

/** `catalogStamp` of a budget row `b`, as a column of the caller's statement. */
export const CATALOG_STAMP_SQL = `coalesce((select revision from "CatalogRevision" where year = b.year - 1), 0)::text || ':' ||
           coalesce((select revision from "CatalogRevision" where year = b.year), 0)::text`;

async function catalogAt(db: Tx, year: number, stamp: string, started: number): Promise<Catalog | null> {
  const hit = cache.get(year);
  if (hit && hit.stamp === stamp) return hit.catalog;
  const catalog = await readCatalog(db, year);
  // A missing catalogue is not cached: it is about to be loaded, typically.
  if (catalog && generation === started) cache.set(year, { stamp, catalog });
  else cache.delete(year);
  return catalog;
}

async function readFunctions(db: Tx, year: number): Promise<FunctionSubject[]> {
  return (await db.functionSubject.findMany({ where: { year }, orderBy: { code: "asc" } })).map(functionOfRow);
}

async function readCatalog(db: Tx, year: number): Promise<Catalog | null> {
  // Sequential: inside a transaction they would share one connection anyway.
  const functions = await readFunctions(db, year);
  const economics = await db.economicSubject.findMany({ where: { year }, orderBy: { code: "asc" } });
  if (functions.length === 0 && economics.length === 0) return null;
  const previous = await readFunctions(db, year - 1);
  const crosswalk = previous.length > 0 ? await loadCrosswalkEntries(db, year - 1, year) : [];
  return catalogOfRows(year, functions, economics, previous, crosswalk);
}

async function bumpRevision(db: Tx, year: number) {
  await db.catalogRevision.upsert({ where: { year }, create: { year, revision: 1 }, update: { revision: { increment: 1 } } });
  // Delivered to every listening server when this write commits (the year before's budgets
  // show this year's crosswalk, and next year's show this year's names: all are forgotten).
  await announce(db, { kind: "catalogue", year });
}

/**
 * Stores a year's catalogue in two statements (one per classification, ~2,000 rows in well under
 * a second). `upsert` adds missing subjects and renames changed ones; `addMissing` only adds (the
 * shipped lists must not overwrite an administrator's official names). Nothing is deleted:
 * budgets of the year may use any code.
 */
export async function storeCatalog(
  db: Tx,
  catalog: Pick<Catalog, "year" | "functions" | "economics">,
  mode: "upsert" | "addMissing" = "upsert",
): Promise<{ functions: number; economics: number }> {
  forgetCatalogs();
  const year = catalog.year;
  const functions = [...catalog.functions.values()];
  const economics = [...catalog.economics.values()];
  if (functions.length > 0) {
    const codes = functions.map((f) => f.code);
    const names = functions.map((f) => f.name);
    const levels = functions.map((f) => f.level);
    const parents = functions.map((f) => f.parent ?? null);
    if (mode === "upsert") {
      await db.$executeRaw`
        INSERT INTO "FunctionSubject" ("year", "code", "name", "level", "parentCode")
        SELECT ${year}::int, t.code, t.name, t.level, t.parent
          FROM unnest(${codes}::text[], ${names}::text[], ${levels}::int[], ${parents}::text[]) AS t(code, name, level, parent)
        ON CONFLICT ("year", "code") DO UPDATE
          SET "name" = EXCLUDED."name", "level" = EXCLUDED."level", "parentCode" = EXCLUDED."parentCode"
          WHERE ("FunctionSubject"."name", "FunctionSubject"."level", "FunctionSubject"."parentCode")
                IS DISTINCT FROM (EXCLUDED."name", EXCLUDED."level", EXCLUDED."parentCode")`;
    } else {
      await db.$executeRaw`
        INSERT INTO "FunctionSubject" ("year", "code", "name", "level", "parentCode")
        SELECT ${year}::int, t.code, t.name, t.level, t.parent
          FROM unnest(${codes}::text[], ${names}::text[], ${levels}::int[], ${parents}::text[]) AS t(code, name, level, parent)
        ON CONFLICT ("year", "code") DO NOTHING`;
    }
  }
  if (economics.length > 0) {
    const codes = economics.map((e) => e.code);
    const names = economics.map((e) => e.name);
    const levels = economics.map((e) => e.level);
    const categories = economics.map((e) => e.category);
    const parents = economics.map((e) => e.parent ?? null);
    if (mode === "upsert") {
      await db.$executeRaw`
        INSERT INTO "EconomicSubject" ("year", "code", "name", "level", "category", "parentCode")
        SELECT ${year}::int, t.code, t.name, t.level, t.category::"EconomicCategory", t.parent
          FROM unnest(${codes}::text[], ${names}::text[], ${levels}::int[], ${categories}::text[], ${parents}::text[]) AS t(code, name, level, category, parent)
        ON CONFLICT ("year", "code") DO UPDATE
          SET "name" = EXCLUDED."name", "level" = EXCLUDED."level", "category" = EXCLUDED."category", "parentCode" = EXCLUDED."parentCode"
          WHERE ("EconomicSubject"."name", "EconomicSubject"."level", "EconomicSubject"."category", "EconomicSubject"."parentCode")
                IS DISTINCT FROM (EXCLUDED."name", EXCLUDED."level", EXCLUDED."category", EXCLUDED."parentCode")`;
    } else {
      await db.$executeRaw`
        INSERT INTO "EconomicSubject" ("year", "code", "name", "level", "category", "parentCode")
        SELECT ${year}::int, t.code, t.name, t.level, t.category::"EconomicCategory", t.parent
          FROM unnest(${codes}::text[], ${names}::text[], ${levels}::int[], ${categories}::text[], ${parents}::text[]) AS t(code, name, level, category, parent)
        ON CONFLICT ("year", "code") DO NOTHING`;
    }
  }
  await bumpRevision(db, year);
  return { functions: functions.length, economics: economics.length };
}

/** Every crosswalk row from `fromYear` into `toYear`. */
export async function loadCrosswalkEntries(db: Tx, fromYear: number, toYear: number): Promise<CrosswalkEntry[]> {
  const rows = await db.subjectCrosswalk.findMany({ where: { fromYear, toYear }, orderBy: [{ fromCode: "asc" }, { toCode: "asc" }] });
  return rows.map((r) => ({ kind: r.kind, fromCode: r.fromCode, toCode: r.toCode }));
}

/** Function codes of `fromYear` with exactly one successor in `toYear` (what moves 上年 figures). */
export async function loadCrosswalk(db: Tx, fromYear: number, toYear: number): Promise<Crosswalk> {
  return oneToOne(await loadCrosswalkEntries(db, fromYear, toYear));
}

/**
 * Stores crosswalk rows (`fromYear` code → `toYear` code). The successors listed for a code
 * replace the ones it had, so a file can correct a split; codes the file does not name keep theirs.
 */
export async function storeCrosswalk(db: Tx, fromYear: number, toYear: number, entries: readonly CrosswalkEntry[]): Promise<number> {
  forgetCatalogs();
  for (const kind of ["function", "economic"] as const) {
    const fromCodes = [...new Set(entries.filter((e) => e.kind === kind).map((e) => e.fromCode))];
    if (fromCodes.length > 0) await db.subjectCrosswalk.deleteMany({ where: { kind, fromYear, toYear, fromCode: { in: fromCodes } } });
  }
  await db.subjectCrosswalk.createMany({
    data: entries.map((e) => ({ kind: e.kind, fromYear, fromCode: e.fromCode, toYear, toCode: e.toCode })),
    skipDuplicates: true,
  });
  await bumpRevision(db, toYear);
  return entries.length;
}
