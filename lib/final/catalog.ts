import { loadReferenceCatalog, shippedCatalogueYears } from "@/lib/catalog/reference";
import type { Catalog } from "@/lib/catalog/catalog";

/**
 * The catalogue a 决算 is read with. A 决算 looks back (2020 is published in 2021), and 明账 ships
 * catalogues from 2023 on: an earlier year is read with the earliest shipped catalogue, keeping
 * its own year, so the codes that did not move still get their names and the rules still check
 * the level of each code (test/fixtures/NOTES.md, 2020 决算).
 */
export function loadFinalCatalog(year: number): Catalog {
  const earliest = shippedCatalogueYears()[0];
  if (earliest === undefined || year >= earliest) return loadReferenceCatalog(year);
  return { ...loadReferenceCatalog(earliest), year };
}
