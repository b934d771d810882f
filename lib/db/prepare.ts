import { loadReferenceCrosswalk, loadShippedCatalog, shippedDigest } from "@/lib/catalog/reference";
import pg from "pg";
import type { Db } from "./connect";
import { loadCrosswalkEntries, storeCatalog, storeCrosswalk } from "./catalog-store";
import { listMigrations, migrate } from "./migrate";

/** Years whose reference catalogue is loaded (a year without its own folder uses the latest earlier one). */
export const REFERENCE_CATALOG_YEARS = [2023, 2024, 2025, 2026];

/**
 * Brings a database up to date: migrations, the reference subject catalogues (reference data,
 * loaded in every mode), and the demo data only when asked (zero-configuration mode or
 * `npm run db:seed-demo`). Every step is idempotent and keeps what users entered.
 */
export async function prepareDatabase(url: string, opts: { demo: boolean; log?: (line: string) => void }) {
  const log = opts.log ?? (() => undefined);
  if (!opts.demo && (await isPrepared(url))) return;
  await migrate(url, log);
  // Loaded only when there is work: a prepared database never loads Prisma (the CLI's import needs only pg).
  const { createDb } = await import("./connect");
  const db = createDb(url);
  try {
    for (const year of REFERENCE_CATALOG_YEARS) await loadShippedYear(db, year, log);
    if (opts.demo) {
      const [{ seedDemo }, { seedDemoReview }] = await Promise.all([import("./seed-demo"), import("./seed-demo-review")]);
      await seedDemo(db, log);
      await seedDemoReview(db, log);
    }
  } finally {
    await db.$disconnect();
  }
}

/**
 * Whether every migration shipped is applied with the same checksum and every reference
 * catalogue's shipped digest is the one stored, in one query: then prepareDatabase has nothing to
 * do, and a command-line run skips the migration lock and the four catalogue checks (~0.15 s of
 * each run, issue 17). Anything else — a new database, a new migration or catalogue, a changed
 * migration file (which migrate refuses) — takes the full path.
 */
export async function isPrepared(url: string): Promise<boolean> {
  const migrations = listMigrations();
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query<{ migrations: number; catalogues: number }>(
      `select (select count(*)::int from "_prisma_migrations" m join unnest($1::text[], $2::text[]) as s(name, checksum)
                 on m.migration_name = s.name and m.checksum = s.checksum
               where m.finished_at is not null and m.rolled_back_at is null) as migrations,
              (select count(*)::int from "CatalogRevision" c join unnest($3::int[], $4::text[]) as s(year, digest)
                 on c.year = s.year and c."shippedDigest" = s.digest) as catalogues`,
      [migrations.map((m) => m.name), migrations.map((m) => m.checksum), REFERENCE_CATALOG_YEARS, REFERENCE_CATALOG_YEARS.map(shippedDigest)],
    );
    return rows[0]!.migrations === migrations.length && rows[0]!.catalogues === REFERENCE_CATALOG_YEARS.length;
  } catch {
    // No bookkeeping table yet (a new database), or none reachable: the full path says why.
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Loads what data/catalogues ships for `year` when it changed since the last start (its digest is
 * kept in CatalogRevision): missing subjects are added, and crosswalk entries for codes that have
 * none; an administrator's imported names and mappings are kept.
 */
export async function loadShippedYear(db: Db, year: number, log: (line: string) => void = () => undefined) {
  const digest = shippedDigest(year);
  const known = await db.catalogRevision.findUnique({ where: { year } });
  if (known?.shippedDigest === digest) return;
  const catalog = loadShippedCatalog(year);
  const shippedCrosswalk = loadReferenceCrosswalk(year - 1, year);
  await db.$transaction(
    async (tx) => {
      const before = await tx.functionSubject.count({ where: { year } });
      const counts = await storeCatalog(tx, catalog, "addMissing");
      const mapped = new Set((await loadCrosswalkEntries(tx, year - 1, year)).map((e) => `${e.kind}:${e.fromCode}`));
      const fresh = shippedCrosswalk.filter((e) => !mapped.has(`${e.kind}:${e.fromCode}`));
      if (fresh.length > 0) await storeCrosswalk(tx, year - 1, year, fresh);
      await tx.catalogRevision.update({ where: { year }, data: { shippedDigest: digest } });
      log(
        before === 0
          ? `载入 ${year} 年科目目录：功能分类 ${counts.functions} 条，经济分类 ${counts.economics} 条${fresh.length > 0 ? `，上年对照 ${fresh.length} 条` : ""}`
          : `更新 ${year} 年科目目录（补入随附目录中新增的科目${fresh.length > 0 ? `及 ${fresh.length} 条上年对照` : ""}）`,
      );
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}
