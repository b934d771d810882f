import type { Catalog } from "@/lib/catalog/catalog";
import { loadFinalCatalog } from "@/lib/final/catalog";
import { loadCatalog, type Tx } from "../catalog-store";

/**
 * The catalogue a stored 决算 is read with: the year's catalogue in the database (an
 * administrator's import included) when there is one, else the shipped one (a 决算 looks back to
 * years before the shipped catalogues; lib/final/catalog.ts).
 */
export async function finalCatalog(db: Tx, year: number): Promise<Catalog> {
  return (await loadCatalog(db, year)) ?? loadFinalCatalog(year);
}
