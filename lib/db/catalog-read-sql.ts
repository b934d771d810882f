import type { ClientBase } from "pg";
import type { Catalog, EconomicSubject, FunctionSubject } from "@/lib/catalog/catalog";
import { catalogOfRows, functionOfRow, type SubjectRow } from "@/lib/catalog/catalog-of-rows";
import type { CrosswalkEntry } from "@/lib/catalog/crosswalk";

/**
 * The subject catalogue of one year read through plain `pg`, the same value as loadCatalog
 * (catalog-store.ts) builds through Prisma: the command line's import uses it so that a run never
 * loads Prisma's client and query compiler (~0.7 s of a one-package import, issue 17). No cache:
 * a command-line process reads a year once.
 */
export async function loadCatalogSql(client: ClientBase, year: number): Promise<Catalog | null> {
  const functions = await readFunctions(client, year);
  const { rows: economics } = await client.query<SubjectRow & { category: EconomicSubject["category"] }>(
    `select code, name, level, category::text as category, "parentCode" from "EconomicSubject" where year = $1 order by code`,
    [year],
  );
  if (functions.length === 0 && economics.length === 0) return null;
  const previous = await readFunctions(client, year - 1);
  const crosswalk =
    previous.length === 0
      ? []
      : (
          await client.query<CrosswalkEntry>(
            `select kind::text as kind, "fromCode", "toCode" from "SubjectCrosswalk" where "fromYear" = $1 and "toYear" = $2
      order by "fromCode", "toCode"`,
            [year - 1, year],
          )
        ).rows;
  return catalogOfRows(year, functions, economics, previous, crosswalk);
}

async function readFunctions(client: ClientBase, year: number): Promise<FunctionSubject[]> {
  const { rows } = await client.query<SubjectRow>(`select code, name, level, "parentCode" from "FunctionSubject" where year = $1 order by code`, [year]);
  return rows.map(functionOfRow);
}
