import type { ClientBase } from "pg";
import { buildCatalog, type Catalog, type EconomicSubject, type FunctionSubject } from "@/lib/catalog/catalog";
import { oneToOne, type CrosswalkEntry } from "@/lib/catalog/crosswalk";

/**
 * The subject catalogue of one year read through plain `pg`, the same value as loadCatalog
 * (catalog-store.ts) builds through Prisma: the command line's import uses it so that a run never
 * loads Prisma's client and query compiler (~0.7 s of a one-package import, issue 17). No cache:
 * a command-line process reads a year once.
 */
export async function loadCatalogSql(client: ClientBase, year: number): Promise<Catalog | null> {
  const functions = await readFunctions(client, year);
  const { rows: economics } = await client.query<{
    code: string;
    name: string;
    level: number;
    category: EconomicSubject["category"];
    parentCode: string | null;
  }>(`select code, name, level, category::text as category, "parentCode" from "EconomicSubject" where year = $1 order by code`, [year]);
  if (functions.length === 0 && economics.length === 0) return null;
  const catalog = buildCatalog(
    year,
    functions,
    economics.map((e) => ({
      code: e.code,
      name: e.name,
      level: e.level as EconomicSubject["level"],
      category: e.category,
      ...(e.parentCode ? { parent: e.parentCode } : {}),
    })),
  );
  const previous = await readFunctions(client, year - 1);
  if (previous.length === 0) return catalog;
  const { rows: entries } = await client.query<CrosswalkEntry>(
    `select kind::text as kind, "fromCode", "toCode" from "SubjectCrosswalk" where "fromYear" = $1 and "toYear" = $2
      order by "fromCode", "toCode"`,
    [year - 1, year],
  );
  return { ...catalog, previous: { year: year - 1, functions: new Map(previous.map((f) => [f.code, f])), successors: oneToOne(entries) } };
}

async function readFunctions(client: ClientBase, year: number): Promise<FunctionSubject[]> {
  const { rows } = await client.query<{ code: string; name: string; level: number; parentCode: string | null }>(
    `select code, name, level, "parentCode" from "FunctionSubject" where year = $1 order by code`,
    [year],
  );
  return rows.map((f) => ({ code: f.code, name: f.name, level: f.level as FunctionSubject["level"], ...(f.parentCode ? { parent: f.parentCode } : {}) }));
}
