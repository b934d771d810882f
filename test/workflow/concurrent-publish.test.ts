import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importPackageText } from "@/lib/db/budgets/import-package";
import { publishBudget } from "@/lib/workflow/publish-budget";
import { freshDatabase, type TestDatabase } from "../helpers/database";
import { fixturePackages } from "../helpers/fixtures";
import { createReviewer } from "./users";

/**
 * The deadline's last day: a district's approved budgets published by several reviewers at the
 * same moment, on one app server's pool (bench `publish_100_failures` does it with 100). Every
 * publication must succeed — no deadlock between their transactions, no wait for a pooled
 * connection that times out while PDFs render — and each leaves its snapshot and its PDF.
 */
let t: TestDatabase;
const BUDGETS = 16;

beforeAll(async () => {
  t = await freshDatabase();
});
afterAll(async () => t.drop());

describe("publishing many approved budgets at once", () => {
  it(`publishes ${BUDGETS} budgets of one district concurrently, each with its snapshot and PDF`, async () => {
    const source = JSON.parse(fixturePackages().find((f) => f.name === "beibei-government-office-2024")!.text);
    const oldSub = source.unit.subUnits[0].code;
    const ids: number[] = [];
    for (let i = 0; i < BUDGETS; i++) {
      const code = String(401 + i);
      const move = (list: { subUnit?: string }[] = []) => list.map((x) => (x.subUnit === oldSub ? { ...x, subUnit: `${code}001` } : x));
      const pkg = {
        ...source,
        unit: { ...source.unit, code, name: `并发公开单位${code}`, subUnits: [{ code: `${code}001`, name: `并发公开单位${code}（本级）` }] },
        basicExpenditure: move(source.basicExpenditure),
        projects: move(source.projects),
      };
      const result = await importPackageText(t.db, JSON.stringify(pkg), { status: "APPROVED" });
      expect(result).toMatchObject({ ok: true });
      if (result.ok) ids.push(result.budgetId);
    }
    const reviewers = await Promise.all(
      [1, 2, 3, 4].map((n) => createReviewer(t.db, `reviewer${n}.${source.region.code}`, source.region.code, source.region.name)),
    );
    const rows = await t.db.budget.findMany({ where: { id: { in: ids } }, select: { id: true, version: true } });

    const results = await Promise.all(
      rows.map((r, i) => publishBudget(t.db, reviewers[i % reviewers.length]!, { budgetId: r.id, expectedVersion: r.version })),
    );

    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(await t.db.budget.count({ where: { id: { in: ids }, status: "PUBLISHED" } })).toBe(BUDGETS);
    const snapshots = await t.db.publishedSnapshot.findMany({ where: { budgetId: { in: ids } }, select: { id: true, sequence: true } });
    expect(snapshots).toHaveLength(BUDGETS);
    expect(snapshots.every((s) => s.sequence === 1)).toBe(true);
    expect(await t.db.snapshotPdf.count({ where: { snapshotId: { in: snapshots.map((s) => s.id) } } })).toBe(BUDGETS);
  });
});
