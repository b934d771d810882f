import { buildCatalog, type Catalog, type EconomicSubject, type FunctionSubject } from "./catalog";
import { oneToOne, type CrosswalkEntry } from "./crosswalk";

/** A subject row as both stores read it (Prisma's model or a plain `pg` row). */
export interface SubjectRow {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
}

export const functionOfRow = (f: SubjectRow): FunctionSubject => ({
  code: f.code,
  name: f.name,
  level: f.level as FunctionSubject["level"],
  ...(f.parentCode ? { parent: f.parentCode } : {}),
});

/**
 * One year's catalogue from its stored rows, whichever driver read them (catalog-store.ts through
 * Prisma, catalog-read-sql.ts through plain `pg` for the command line). `previous` is last year's
 * functions (none: no 上年 crosswalk) and the crosswalk from them to this year.
 */
export function catalogOfRows(
  year: number,
  functions: readonly FunctionSubject[],
  economics: readonly (SubjectRow & { category: EconomicSubject["category"] })[],
  previous: readonly FunctionSubject[],
  crosswalk: readonly CrosswalkEntry[],
): Catalog {
  const catalog = buildCatalog(
    year,
    [...functions],
    economics.map((e) => ({
      code: e.code,
      name: e.name,
      level: e.level as EconomicSubject["level"],
      category: e.category,
      ...(e.parentCode ? { parent: e.parentCode } : {}),
    })),
  );
  if (previous.length === 0) return catalog;
  return { ...catalog, previous: { year: year - 1, functions: new Map(previous.map((f) => [f.code, f])), successors: oneToOne([...crosswalk]) } };
}
