import type { Catalog } from "@/lib/catalog/catalog";
import { loadFinalCatalog } from "@/lib/final/catalog";
import { loadCatalog, type Tx } from "../catalog-store";

/**
 * The catalogue a stored 决算 is read with: the year's catalogue in the database (an
 * administrator's import included) when there is one, else the shipped one (a 决算 looks back to
 * years before the shipped catalogues; lib/final/catalog.ts).
 */
export async function finalCatalog(db: Tx, year: number): Promise<Catalog> {
  const own = await loadCatalog(db, year);
  if (own) return own;
  // The earliest later catalogue in the database, keeping the 决算's year (as lib/final/catalog.ts
  // does with the shipped files, which a server bundle cannot read by path).
  const later = await db.functionSubject.findFirst({ where: { year: { gt: year } }, orderBy: { year: "asc" }, select: { year: true } });
  const catalog = later ? await loadCatalog(db, later.year) : null;
  return catalog ? { ...catalog, year } : loadFinalCatalog(year);
}
