import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importPackageText, type ImportResult } from "@/lib/db/budgets/import-package";
import { importPackageTextSql } from "@/lib/db/budgets/import-package-sql";
import { loadBudgetByKey } from "@/lib/db/budgets/export-package";
import { loadForEngine } from "@/lib/db/budgets/load-for-engine";
import { loadCatalog } from "@/lib/db/catalog-store";
import { loadCatalogSql } from "@/lib/db/catalog-read-sql";
import { freshDatabase, type TestDatabase } from "../helpers/database";
import { fixturePackages } from "../helpers/fixtures";
import { eventChanges } from "@/lib/db/budgets/event-changes";

/**
 * The command line's import (plain pg, one statement per part) against the app's (Prisma): two
 * databases, the same packages imported into each, and everything read back through the normal
 * reads must be equal — the model, the engine's read, the event and its amount changes.
 */
let viaPrisma: TestDatabase;
let viaSql: TestDatabase;
let client: pg.Client;

beforeAll(async () => {
  [viaPrisma, viaSql] = await Promise.all([freshDatabase(), freshDatabase()]);
  client = new pg.Client({ connectionString: viaSql.url });
  await client.connect();
});
afterAll(async () => {
  await client.end();
  await Promise.all([viaPrisma.drop(), viaSql.drop()]);
});

const noFinal = async (): Promise<ImportResult> => {
  throw new Error("not a budget package");
};
const sqlImport = (text: string, replace = false) => importPackageTextSql(client, text, { replace, importFinal: noFinal });

/** What a budget's event left behind, without ids and times (they differ between the databases). */
async function events(t: TestDatabase, budgetId: number) {
  const rows = await t.db.budgetEvent.findMany({ where: { budgetId }, orderBy: { id: "asc" } });
  return rows.map((e) => ({
    action: e.action,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    version: e.version,
    comment: e.comment,
    actorId: e.actorId,
    changes: eventChanges(e.changes),
  }));
}

async function readBack(t: TestDatabase, id: number, key: { region: string; unit: string; year: number }) {
  const model = await loadBudgetByKey(t.db, key);
  const engine = await loadForEngine(t.db, id, {});
  const row = await t.db.budget.findUniqueOrThrow({ where: { id }, select: { status: true, version: true, kind: true, year: true, subUnitId: true } });
  const subUnits = await t.db.subUnit.findMany({
    where: { budgets: { some: { budgetId: id } } },
    select: { code: true, name: true },
    orderBy: { code: "asc" },
  });
  return { model, engine: engine && { ...engine, id: 0 }, row, subUnits, events: await events(t, id) };
}

const keyOf = (text: string) => {
  const pkg = JSON.parse(text) as { region: { code: string }; unit: { code: string }; year: number };
  return { region: pkg.region.code, unit: pkg.unit.code, year: pkg.year };
};

describe("the command line's SQL import stores what the Prisma import stores", () => {
  for (const fixture of fixturePackages()) {
    it(`${fixture.name}: imported, then replaced with changed amounts`, async () => {
      const a = await importPackageText(viaPrisma.db, fixture.text);
      const b = await sqlImport(fixture.text);
      expect(a).toMatchObject({ ok: true, created: true });
      expect(b).toMatchObject({ ok: true, created: true });
      if (!a.ok || !b.ok) return;
      const key = keyOf(fixture.text);
      expect(await readBack(viaSql, b.budgetId, key)).toEqual(await readBack(viaPrisma, a.budgetId, key));

      // A second import is refused alike, and a replacement records the same amount changes.
      expect(await sqlImport(fixture.text)).toEqual(await importPackageText(viaPrisma.db, fixture.text));
      const changed = JSON.parse(fixture.text) as { income: Record<string, string>; projects?: unknown[]; unit: { subUnits?: unknown[] } };
      changed.income.generalBudget = "1";
      changed.projects = (changed.projects ?? []).slice(1);
      const text = JSON.stringify(changed);
      const a2 = await importPackageText(viaPrisma.db, text, { replace: true });
      const b2 = await sqlImport(text, true);
      expect(b2).toEqual(expect.objectContaining({ ok: a2.ok }));
      if (a2.ok && b2.ok) expect(b2.created).toBe(false);
      else expect(b2).toEqual(a2);
      expect(await readBack(viaSql, b.budgetId, key)).toEqual(await readBack(viaPrisma, a.budgetId, key));
    });
  }

  it("refuses a package with an unknown code with the same errors, and stores nothing", async () => {
    const pkg = JSON.parse(fixturePackages()[0]!.text) as { unit: { code: string }; basicExpenditure: { economic: string }[] };
    pkg.unit.code = "981";
    pkg.basicExpenditure[0]!.economic = "39999";
    const text = JSON.stringify(pkg);
    const a = await importPackageText(viaPrisma.db, text);
    expect(a.ok).toBe(false);
    expect(await sqlImport(text)).toEqual(a);
    expect(await viaSql.db.department.count({ where: { code: "981" } })).toBe(0);
  });

  it("reads a year's catalogue as loadCatalog does", async () => {
    for (const year of [2023, 2024, 2025, 2030]) expect(await loadCatalogSql(client, year)).toEqual(await loadCatalog(viaSql.db, year));
  });
});
