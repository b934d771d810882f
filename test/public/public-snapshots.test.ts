import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixturesDir } from "@/test/support/budget/fixtures";
import { publicDirectory } from "@/lib/db/queries/public-directory";
import { findPublishedBudget, listPublishedBudgets } from "@/lib/db/queries/public-snapshots";
import { seedDemo } from "@/lib/db/seed-demo";
import { writeDisclosureWorkbook } from "@/lib/export/xlsx";
import { freezeSnapshot } from "@/lib/workflow/freeze-snapshot";
import { freshDatabase, type TestDatabase } from "../helpers/database";

let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase();
  await seedDemo(t.db, () => undefined);
});
afterAll(async () => t.drop());

const expected = JSON.parse(readFileSync(path.join(fixturesDir(), "beibei-government-office-2024.expected.json"), "utf8")) as Record<string, unknown>;
const key104 = { region: "500109", year: 2024, unit: "104" };

describe("public snapshot queries", () => {
  it("find the published budget's frozen snapshot with the fixture's tables", async () => {
    const b = await findPublishedBudget(t.db, key104);
    expect(b).not.toBeNull();
    expect(b!.sequence).toBe(1);
    expect(b!.region).toEqual({ code: "500109", name: "重庆市北碚区" });
    expect(b!.unit.code).toBe("104");
    expect(b!.tables.T2).toEqual(expected.T2);
    expect(b!.tables.T4).toEqual(expected.T4);
    expect(b!.narrative).toContain("2024年部门预算情况说明");
    expect((b!.package as { format: string }).format).toBe("budget-package/1");
  });

  it("never find drafts, submitted budgets or unknown keys", async () => {
    expect(await findPublishedBudget(t.db, { region: "500109", year: 2024, unit: "111" })).toBeNull();
    expect(await findPublishedBudget(t.db, { region: "500109", year: 2023, unit: "134" })).toBeNull();
    expect(await findPublishedBudget(t.db, { region: "500109", year: 2025, unit: "104" })).toBeNull();
    expect(await findPublishedBudget(t.db, { region: "110000", year: 2024, unit: "104" })).toBeNull();
    expect((await listPublishedBudgets(t.db)).map((b) => b.unit.code)).toEqual(["104"]);
    expect(await listPublishedBudgets(t.db, { year: 2023 })).toEqual([]);
  });

  it("read the frozen snapshot, not the live lines", async () => {
    const budget = await t.db.budget.findFirstOrThrow({ where: { year: 2024, department: { code: "104" } } });
    // A live line changing (as a later adjustment's draft would) does not reach the public.
    await t.db.$executeRaw`update "BasicLine" set amount = amount + 100 where "budgetId" = ${budget.id} and position = 0`;
    const b = await findPublishedBudget(t.db, key104);
    expect(b!.tables.T2).toEqual(expected.T2);
    await t.db.$executeRaw`update "BasicLine" set amount = amount - 100 where "budgetId" = ${budget.id} and position = 0`;
  });

  it("show the newest version after a 预算调整, noting when the first was published", async () => {
    const before = await findPublishedBudget(t.db, key104);
    const budget = await t.db.budget.findFirstOrThrow({ where: { year: 2024, department: { code: "104" } } });
    await t.db.$transaction((tx) => freezeSnapshot(tx, budget.id, null));
    const after = await findPublishedBudget(t.db, key104);
    expect(after!.sequence).toBe(2);
    expect(after!.snapshotId).not.toBe(before!.snapshotId);
    expect(after!.firstPublishedAt).toEqual(before!.publishedAt);
    const list = await listPublishedBudgets(t.db, { region: "500109", year: 2024 });
    expect(list.map((b) => [b.unit.code, b.sequence])).toEqual([["104", 2]]);
  });

  it("list regions, years and departments on the home page, searchable by name or code", async () => {
    const all = await publicDirectory(t.db);
    expect(all).toHaveLength(1);
    expect(all[0]!.years).toEqual([{ year: 2024, budgets: 1 }]);
    expect(all[0]!.finalYears).toEqual([{ year: 2020, finals: 1 }]);
    expect(all[0]!.departments.map((d) => [d.code, d.publishedFinals])).toEqual([
      ["104", [2020]],
      ["111", []],
      ["134", []],
    ]);
    expect(all[0]!.departments.map((d) => [d.code, d.published])).toEqual([
      ["104", [2024]],
      ["111", []],
      ["134", []],
    ]);
    expect((await publicDirectory(t.db, "信访"))[0]!.departments.map((d) => d.code)).toEqual(["111"]);
    expect((await publicDirectory(t.db, "134"))[0]!.departments.map((d) => d.code)).toEqual(["134"]);
    expect(await publicDirectory(t.db, "不存在的部门")).toEqual([]);
  });

  it("render the snapshot's workbook", async () => {
    const b = await findPublishedBudget(t.db, key104);
    const file = await writeDisclosureWorkbook(b!.tables, { publishedAt: b!.publishedAt });
    expect(file.subarray(0, 2).toString()).toBe("PK");
  });
});

describe("the published-page cache (issue 14)", () => {
  it("is keyed by snapshot: a new version shows at once, and unknown addresses store nothing", async () => {
    const { cachedPublishedBudget, cachedPublishedList, publishedCacheSize } = await import("@/lib/public/published-cache");
    const first = await cachedPublishedBudget(t.db, key104);
    expect(first).not.toBeNull();
    expect(await cachedPublishedBudget(t.db, key104)).toBe(first);
    const size = publishedCacheSize();
    for (const key of [
      { ...key104, unit: "1040" },
      { ...key104, unit: "111" },
      { ...key104, year: 2023, unit: "134" },
      { ...key104, region: "5001090" },
    ])
      expect(await cachedPublishedBudget(t.db, key)).toBeNull();
    expect(publishedCacheSize()).toBe(size);

    const budget = await t.db.budget.findFirstOrThrow({ where: { year: 2024, department: { code: "104" } } });
    await t.db.$transaction((tx) => freezeSnapshot(tx, budget.id, null));
    const next = await cachedPublishedBudget(t.db, key104);
    expect(next!.sequence).toBe(first!.sequence + 1);
    expect((await cachedPublishedList(t.db, { region: "500109", year: 2024 })).map((b) => b.snapshotId)).toEqual([next!.snapshotId]);
  });
});
