import { loadReferenceCrosswalk, loadShippedCatalog, shippedDigest } from "@/lib/catalog/reference";
import { createDb, type Db } from "./connect";
import { loadCrosswalkEntries, storeCatalog, storeCrosswalk } from "./catalog-store";
import { migrate } from "./migrate";
import { seedDemo } from "./seed-demo";
import { seedDemoReview } from "./seed-demo-review";

/** Years whose reference catalogue is loaded (a year without its own folder uses the latest earlier one). */
export const REFERENCE_CATALOG_YEARS = [2023, 2024, 2025, 2026];

/**
 * Brings a database up to date: migrations, the reference subject catalogues (reference data,
 * loaded in every mode), and the demo data only when asked (zero-configuration mode or
 * `npm run db:seed-demo`). Every step is idempotent and keeps what users entered.
 */
export async function prepareDatabase(url: string, opts: { demo: boolean; log?: (line: string) => void }) {
  const log = opts.log ?? (() => undefined);
  await migrate(url, log);
  const db = createDb(url);
  try {
    for (const year of REFERENCE_CATALOG_YEARS) await loadShippedYear(db, year, log);
    if (opts.demo) {
      await seedDemo(db, log);
      await seedDemoReview(db, log);
    }
  } finally {
    await db.$disconnect();
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
