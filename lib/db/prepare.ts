import { loadReferenceCatalog } from "@/lib/catalog/reference";
import { createDb } from "./client";
import { storeCatalog } from "./catalog-store";
import { migrate } from "./migrate";
import { seedDemo } from "./seed-demo";

/** Years whose reference catalogue is loaded when the database has none for them. */
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
    for (const year of REFERENCE_CATALOG_YEARS) {
      const loaded = await db.functionSubject.count({ where: { year } });
      if (loaded > 0) continue;
      const counts = await storeCatalog(db, loadReferenceCatalog(year));
      log(`载入 ${year} 年科目目录：功能分类 ${counts.functions} 条，经济分类 ${counts.economics} 条`);
    }
    if (opts.demo) await seedDemo(db, log);
  } finally {
    await db.$disconnect();
  }
}
